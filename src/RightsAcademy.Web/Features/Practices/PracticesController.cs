using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Practices;

/// <summary>The practice library, for all signed-in staff; publishing is narrowed to a session's presenters.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PracticesController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("practices")]
    public async Task<IActionResult> Index(string? theme, string? city, string? country, int page, [FromServices] SearchPractices.Handler handler,
        CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(new SearchPractices.Filter(theme, city, country, page), cancellationToken));

    [HttpGet("practices/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] SearchPractices.Handler handler, CancellationToken cancellationToken) =>
        await handler.ShowAsync(id, cancellationToken) is { } practice ? View("Detail", practice) : NotFound();

    [HttpGet("sessions/{sessionId:guid}/practices/new")]
    public async Task<IActionResult> Publish(Guid sessionId, CancellationToken cancellationToken)
    {
        var allowed = await PracticeAccess.PublishableMunicipalitiesAsync(db, User, sessionId, cancellationToken);
        if (allowed.Count == 0)
        {
            return NotFound();
        }

        var city = allowed.Count == 1 ? await db.Municipalities.Where(m => m.Id == allowed[0]).Select(m => m.Name).SingleAsync(cancellationToken) : "";
        return View(await PageAsync(sessionId, new PracticeForm { MunicipalityId = allowed.Count == 1 ? allowed[0] : null, City = city }, allowed, cancellationToken));
    }

    [HttpPost("sessions/{sessionId:guid}/practices/new")]
    public async Task<IActionResult> Publish(Guid sessionId, [Bind(Prefix = "Form")] PracticeForm form, [FromServices] PublishPractice.Handler handler,
        CancellationToken cancellationToken)
    {
        var allowed = await PracticeAccess.PublishableMunicipalitiesAsync(db, User, sessionId, cancellationToken);
        if (allowed.Count == 0)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(sessionId, form, User, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.PracticeId is { } id)
            {
                return Redirect($"/practices/{id}");
            }

            ModelState.AddModelError("Form.MunicipalityId", t["Validation.Invalid"]);
        }

        return View(await PageAsync(sessionId, form, allowed, cancellationToken));
    }

    private async Task<PublishPage> PageAsync(Guid sessionId, PracticeForm form, IReadOnlyList<Guid> allowed, CancellationToken cancellationToken)
    {
        var title = await db.ExchangeSessions.Where(s => s.Id == sessionId).Select(s => s.Title).SingleAsync(cancellationToken);
        var municipalities = await db.Municipalities.Where(m => allowed.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return new PublishPage(sessionId, title, form, municipalities.Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == form.MunicipalityId)));
    }
}
