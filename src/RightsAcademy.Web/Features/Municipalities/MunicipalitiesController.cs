using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Municipalities;

[Authorize(Policy = Policies.Admin)]
[Route("admin/municipalities")]
public sealed class MunicipalitiesController(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Municipalities.OrderBy(m => m.Name)
            .Select(m => new MunicipalityRow(m.Id, m.Name, m.Country, m.TimeZone, m.DefaultLanguage, db.Users.Count(u => u.MunicipalityId == m.Id)))
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", EditPage(null, new MunicipalityForm()));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] MunicipalityForm form, CancellationToken cancellationToken)
    {
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", EditPage(null, form));
        }

        db.Municipalities.Add(new Municipality
        {
            Name = form.Name.Trim(),
            Country = form.Country,
            TimeZone = form.TimeZone,
            DefaultLanguage = form.DefaultLanguage,
            CreatedUtc = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var m = await db.Municipalities.FindAsync([id], cancellationToken);
        return m is null
            ? NotFound()
            : View(EditPage(id, new MunicipalityForm { Name = m.Name, Country = m.Country, TimeZone = m.TimeZone, DefaultLanguage = m.DefaultLanguage }));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] MunicipalityForm form, CancellationToken cancellationToken)
    {
        var m = await db.Municipalities.FindAsync([id], cancellationToken);
        if (m is null)
        {
            return NotFound();
        }

        await ValidateAsync(form, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(EditPage(id, form));
        }

        m.Name = form.Name.Trim();
        m.Country = form.Country;
        m.TimeZone = form.TimeZone;
        m.DefaultLanguage = form.DefaultLanguage;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    private async Task ValidateAsync(MunicipalityForm form, Guid? id, CancellationToken cancellationToken)
    {
        if (!Countries.IsKnown(form.Country))
        {
            ModelState.AddModelError("Form.Country", t["Validation.Invalid"]);
        }

        if (!TimeZoneCatalog.IsKnown(form.TimeZone))
        {
            ModelState.AddModelError("Form.TimeZone", t["Validation.Invalid"]);
        }

        if (!SupportedCultures.IsSupported(form.DefaultLanguage))
        {
            ModelState.AddModelError("Form.DefaultLanguage", t["Validation.Invalid"]);
        }

        var name = form.Name.Trim();
        if (await db.Municipalities.AnyAsync(m => m.Name == name && m.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Form.Name", t["Municipalities.NameTaken"]);
        }
    }

    private static MunicipalityEditPage EditPage(Guid? id, MunicipalityForm form) => new(
        id,
        form,
        Countries.Codes.Select(c => new SelectListItem(Countries.DisplayName(c), c, c == form.Country)).OrderBy(i => i.Text, StringComparer.CurrentCulture),
        SelectLists.TimeZones(form.TimeZone),
        SelectLists.Languages(form.DefaultLanguage));
}
