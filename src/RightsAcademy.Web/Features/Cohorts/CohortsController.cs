using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Coordinator pages. The Coordinator policy admits coordinators and admins; every handler then narrows to the
/// cohorts the person runs, so another coordinator's cohort answers 404 rather than revealing that it exists.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("cohorts")]
public sealed class CohortsController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    private const int MaxCsvBytes = 1024 * 1024;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCohorts.Handler handler, bool archived = false, CancellationToken cancellationToken = default) =>
        View(new CohortListPage(await handler.HandleAsync(User, Language, archived, cancellationToken), archived));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new CohortForm { MunicipalityIds = User.MunicipalityId() is { } m ? [m] : [] };
        return View("Edit", await EditPageAsync(null, form, cancellationToken));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Form")] CohortForm form, [FromServices] SaveCohort.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(null, form, handler, cancellationToken);

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var cohort = await db.Manageable(User).AsNoTracking().Include(c => c.Municipalities).Include(c => c.Staff)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null)
        {
            return NotFound();
        }

        var staffEmails = await db.CohortStaff.Where(s => s.CohortId == id).Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Role, u.Email })
            .ToListAsync(cancellationToken);
        var form = new CohortForm
        {
            CourseId = cohort.CourseId,
            Title = cohort.Title,
            EnrolmentOpensOn = CohortForm.Format(cohort.EnrolmentOpensOn),
            StartsOn = CohortForm.Format(cohort.StartsOn),
            EndsOn = CohortForm.Format(cohort.EndsOn),
            TimeZone = cohort.TimeZone,
            Capacity = cohort.Capacity,
            Mode = cohort.Mode,
            MunicipalityIds = [.. cohort.Municipalities.Select(m => m.MunicipalityId)],
            CoordinatorEmails = string.Join('\n', staffEmails.Where(s => s.Role == CohortStaffRole.Coordinator).Select(s => s.Email)),
            FacilitatorEmails = string.Join('\n', staffEmails.Where(s => s.Role == CohortStaffRole.Facilitator).Select(s => s.Email)),
        };
        return View(await EditPageAsync(id, form, cancellationToken));
    }

    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] CohortForm form, [FromServices] SaveCohort.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(id, form, handler, cancellationToken);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, [FromServices] ShowCohort.Handler handler, string? notice, CancellationToken cancellationToken) =>
        await DetailAsync(id, handler, new InviteMemberForm { Language = Language }, null, null, notice, cancellationToken);

    [HttpPost("{id:guid}/invite")]
    public async Task<IActionResult> Invite(Guid id, [Bind(Prefix = "Invite")] InviteMemberForm form, [FromServices] InviteToCohort.Handler handler,
        [FromServices] ShowCohort.Handler show, CancellationToken cancellationToken)
    {
        if (!await db.CanManageAsync(User, id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(id, form, User,
                (userId, code) => Url.Action("AcceptInvitation", "Account", new { userId, code }, Request.Scheme)!, cancellationToken);
            switch (outcome)
            {
                case InviteToCohort.Outcome.NotFound:
                    return NotFound();
                case InviteToCohort.Outcome.NeedsNewAccountDetails:
                    ModelState.AddModelError("Invite.DisplayName", t["Cohorts.Invite.NeedsDetails"]);
                    break;
                case InviteToCohort.Outcome.MunicipalityNotInCohort:
                    ModelState.AddModelError("Invite.MunicipalityId", t["Cohorts.Invite.MunicipalityNotInCohort"]);
                    break;
                case InviteToCohort.Outcome.InviteRefused:
                    ModelState.AddModelError("Invite.MunicipalityId", t["Cohorts.Invite.Refused"]);
                    break;
                default:
                    return Redirect($"/cohorts/{id}?notice={outcome}");
            }
        }

        return await DetailAsync(id, show, form, null, null, null, cancellationToken);
    }

    [HttpPost("{id:guid}/import")]
    [RequestSizeLimit(2 * MaxCsvBytes)]
    public async Task<IActionResult> Import(Guid id, string? csv, IFormFile? file, [FromServices] ImportStaff.Handler handler,
        [FromServices] ShowCohort.Handler show, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxCsvBytes)
            {
                return await DetailAsync(id, show, new InviteMemberForm { Language = Language }, csv,
                    new ImportStaff.Result(false, [new ImportStaff.Problem(0, "Cohorts.Import.TooLarge")], []), null, cancellationToken);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        var result = await handler.HandleAsync(id, csv ?? "", User,
            (userId, code) => Url.Action("AcceptInvitation", "Account", new { userId, code }, Request.Scheme)!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        // On problems the text comes back in the form so the coordinator fixes the listed rows and sends it again.
        return await DetailAsync(id, show, new InviteMemberForm { Language = Language }, result.Succeeded ? null : csv, result, null, cancellationToken);
    }

    [HttpPost("{id:guid}/members/{userId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid userId, [FromServices] LeaveCohort.Handler handler, CancellationToken cancellationToken) =>
        await handler.RemoveAsync(id, userId, User, cancellationToken) ? Redirect($"/cohorts/{id}?notice=Removed") : NotFound();

    [HttpPost("{id:guid}/copy")]
    public async Task<IActionResult> Copy(Guid id, string? startsOn, [FromServices] CopyCohort.Handler handler, CancellationToken cancellationToken)
    {
        if (CohortForm.Parse(startsOn) is not { } start)
        {
            return Redirect($"/cohorts/{id}?notice=CopyNeedsDate");
        }

        return await handler.HandleAsync(id, start, User, cancellationToken) is { } copy ? Redirect($"/cohorts/{copy}/edit") : NotFound();
    }

    [HttpGet("{id:guid}/pacing")]
    public async Task<IActionResult> Pacing(Guid id, [FromServices] SetPacing.Handler handler, CancellationToken cancellationToken)
    {
        var plan = await handler.LoadAsync(id, User, Language, cancellationToken);
        return plan is null ? NotFound() : View(new PacingPage(id, plan, Invalid: false));
    }

    [HttpPost("{id:guid}/pacing")]
    public async Task<IActionResult> Pacing(Guid id, [FromForm] List<PacingRowForm> rows, [FromServices] SetPacing.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, [.. rows.Select(r => new SetPacing.Row(r.ModuleId, r.Release, r.Due))], User, cancellationToken);
        if (outcome == SetPacing.Outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == SetPacing.Outcome.Invalid)
        {
            // Show what was typed next to each module, with the error above.
            var plan = await handler.LoadAsync(id, User, Language, cancellationToken);
            var typed = plan!.Select(p => rows.Find(r => r.ModuleId == p.ModuleId) is { } r ? p with { ReleaseOffsetDays = r.Release, DueOffsetDays = r.Due } : p).ToList();
            ModelState.AddModelError("", t["Cohorts.Pacing.Invalid"]);
            return View(new PacingPage(id, typed, Invalid: true));
        }

        return Redirect($"/cohorts/{id}?notice=PacingSaved");
    }

    private async Task<IActionResult> SaveAsync(Guid? id, CohortForm form, SaveCohort.Handler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(id, form, User, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"Form.{error.Field}", t[error.Key]);
            }

            if (result.Errors.Count == 0)
            {
                return Redirect($"/cohorts/{result.CohortId}");
            }
        }
        else if (id is not null && !await db.CanManageAsync(User, id.Value, cancellationToken))
        {
            return NotFound();
        }

        return View("Edit", await EditPageAsync(id, form, cancellationToken));
    }

    private async Task<IActionResult> DetailAsync(Guid id, ShowCohort.Handler handler, InviteMemberForm invite, string? csv, ImportStaff.Result? import,
        string? notice, CancellationToken cancellationToken)
    {
        var view = await handler.HandleAsync(id, User, Language, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        var municipalities = view.MunicipalityChoices.Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == invite.MunicipalityId)).ToList();
        return View("Detail", new CohortDetailPage(view, invite, csv, import, notice, municipalities, SelectLists.Languages(invite.Language)));
    }

    private async Task<CohortEditPage> EditPageAsync(Guid? id, CohortForm form, CancellationToken cancellationToken)
    {
        var language = Language;
        var courses = await db.Courses.Where(c => c.ArchivedUtc == null)
            .Select(c => new { c.Id, Title = c.Texts.OrderBy(x => x.Language == language ? 0 : x.Language == c.DefaultLanguage ? 1 : 2).Select(x => x.Title).FirstOrDefault() ?? c.Slug })
            .ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return new CohortEditPage(id, form,
            courses.OrderBy(c => c.Title, StringComparer.CurrentCulture).Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id == form.CourseId)),
            SelectLists.TimeZones(form.TimeZone),
            Enum.GetValues<CohortEnrolmentMode>().Select(m => new SelectListItem(t[$"Cohorts.Mode.{m}"], m.ToString(), m == form.Mode)),
            [.. municipalities.Select(m => new MunicipalityChoice(m.Id, m.Name, form.MunicipalityIds.Contains(m.Id)))]);
    }
}

public sealed record CohortListPage(IReadOnlyList<ListCohorts.Row> Rows, bool Archived);

public sealed record CohortDetailPage(ShowCohort.View View, InviteMemberForm Invite, string? Csv, ImportStaff.Result? Import, string? Notice,
    IReadOnlyList<SelectListItem> Municipalities, IEnumerable<SelectListItem> Languages);

public sealed record PacingRowForm(Guid ModuleId, int? Release, int? Due);

public sealed record PacingPage(Guid CohortId, IReadOnlyList<SetPacing.ModulePlan> Plan, bool Invalid);
