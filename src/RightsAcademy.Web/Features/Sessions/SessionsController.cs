using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Peer-exchange sessions. Every signed-in person reaches the pages; each handler narrows to the sessions the person
/// may see, manage or record (<see cref="SessionAccess"/>), so anything else answers 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[Route("sessions")]
public sealed class SessionsController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListSessions.Handler handler, [FromServices] CalendarFeeds feeds, bool past = false,
        string? notice = null, CancellationToken cancellationToken = default) =>
        View(new SessionListPage(await handler.HandleAsync(User, past, cancellationToken), past,
            User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin), await feeds.StatusAsync(User.UserId()!.Value, cancellationToken), notice));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, [FromServices] ShowSession.Handler handler, string? notice, CancellationToken cancellationToken)
    {
        var view = await handler.HandleAsync(id, User, Language, cancellationToken);
        return view is null ? NotFound() : View(new SessionDetailPage(view, notice));
    }

    /// <summary>A plain form post per answer, so answering works without JavaScript.</summary>
    [HttpPost("{id:guid}/rsvp")]
    public async Task<IActionResult> Rsvp(Guid id, RsvpAnswer answer, [FromServices] AnswerSession.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, answer, User, cancellationToken);
        return outcome == AnswerSession.Outcome.NotFound ? NotFound() : Redirect($"/sessions/{id}?notice=Rsvp{outcome}");
    }

    /// <summary>The invitation for one session: METHOD:CANCEL once it is cancelled.</summary>
    [HttpGet("{id:guid}/invitation.ics")]
    public async Task<IActionResult> Invitation(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.VisibleSessions(User).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        var ics = SessionCalendar.Write([SessionEntries.For(session, BaseUrl)], cancellation: session.IsCancelled);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"session-{session.Id:N}.ics");
    }

    [Authorize(Policy = Policies.Coordinator)]
    [HttpGet("new")]
    public async Task<IActionResult> Create(Guid? cohort, CancellationToken cancellationToken)
    {
        var zone = cohort is null ? null : await db.Manageable(User).Where(c => c.Id == cohort).Select(c => c.TimeZone).SingleOrDefaultAsync(cancellationToken);
        var form = new SessionForm
        {
            CohortIds = zone is null ? [] : [cohort!.Value],
            TimeZone = zone ?? (User.Find(AppClaims.TimeZone) is { } mine && TimeZoneCatalog.IsKnown(mine) ? mine : TimeZoneCatalog.Fallback),
        };
        return View("Edit", await EditPageAsync(null, form, cancellationToken));
    }

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Form")] SessionForm form, [FromServices] SaveSession.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(null, form, handler, cancellationToken);

    [Authorize(Policy = Policies.Coordinator)]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var s = await db.ManageableSessions(User).AsNoTracking().Include(x => x.Cohorts).Include(x => x.Facilitators)
            .Include(x => x.PresentingMunicipalities).Include(x => x.PreWork).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (s is null)
        {
            return NotFound();
        }

        var facilitatorIds = s.Facilitators.Select(f => f.UserId).ToList();
        var emails = await db.Users.Where(u => facilitatorIds.Contains(u.Id)).Select(u => u.Email).ToListAsync(cancellationToken);
        var form = new SessionForm
        {
            Title = s.Title,
            Agenda = s.AgendaMarkdown,
            CohortIds = [.. s.Cohorts.Select(c => c.CohortId)],
            OpenToAllStaff = s.OpenToAllStaff,
            Start = SessionForm.FormatLocal(SessionTime.InZone(s.StartUtc, s.HostTimeZone)),
            TimeZone = s.HostTimeZone,
            DurationMinutes = (int)s.Duration.TotalMinutes,
            MeetingUrl = s.MeetingUrl,
            Venue = s.Venue,
            Capacity = s.Capacity,
            FacilitatorEmails = string.Join('\n', emails),
            MunicipalityIds = [.. s.PresentingMunicipalities.Select(m => m.MunicipalityId)],
            LessonIds = [.. s.PreWork.OrderBy(p => p.Position).Select(p => p.LessonId)],
            Version = s.Version,
        };
        return View(await EditPageAsync(id, form, cancellationToken));
    }

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] SessionForm form, [FromServices] SaveSession.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(id, form, handler, cancellationToken);

    [Authorize(Policy = Policies.Coordinator)]
    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, [FromServices] CancelSession.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, User, cancellationToken) ? Redirect($"/sessions/{id}?notice=Cancelled") : NotFound();

    /// <summary>Facilitators may be learners, so this is open to every signed-in person and narrowed by the handler.</summary>
    [HttpGet("{id:guid}/record")]
    public async Task<IActionResult> Record(Guid id, [FromServices] RecordSession.Handler handler, CancellationToken cancellationToken)
    {
        var view = await handler.LoadAsync(id, User, cancellationToken);
        return view is null ? NotFound() : View(new RecordPage(view, new RecordForm { Outcomes = view.Outcomes }));
    }

    [HttpPost("{id:guid}/record")]
    public async Task<IActionResult> Record(Guid id, [Bind(Prefix = "Form")] RecordForm form, [FromServices] RecordSession.Handler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(id, form, User, cancellationToken);
            if (outcome == RecordSession.Outcome.NotFound)
            {
                return NotFound();
            }

            if (outcome == RecordSession.Outcome.Saved)
            {
                return Redirect($"/sessions/{id}?notice=Recorded");
            }

            ModelState.AddModelError("", t["Sessions.Record.NotStarted"]);
        }

        var view = await handler.LoadAsync(id, User, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        // Show the boxes as they were ticked, with the typed outcomes.
        var typed = view with { People = [.. view.People.Select(p => p with { Attended = form.Attended.Contains(p.UserId) })] };
        return View(new RecordPage(typed, form));
    }

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    private async Task<IActionResult> SaveAsync(Guid? id, SessionForm form, SaveSession.Handler handler, CancellationToken cancellationToken)
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
                ModelState.AddModelError(error.Field.Length == 0 ? "" : $"Form.{error.Field}", t[error.Key]);
            }

            if (result.Errors.Count == 0)
            {
                return Redirect($"/sessions/{result.SessionId}?notice={(id is null ? "Scheduled" : "Saved")}");
            }
        }
        else if (id is not null && !await db.ManageableSessions(User).AnyAsync(s => s.Id == id, cancellationToken))
        {
            return NotFound();
        }

        return View("Edit", await EditPageAsync(id, form, cancellationToken));
    }

    private async Task<SessionEditPage> EditPageAsync(Guid? id, SessionForm form, CancellationToken cancellationToken)
    {
        var language = Language;
        var cohorts = await db.Manageable(User).Where(c => c.Stage != CohortStage.Archived || form.CohortIds.Contains(c.Id))
            .OrderBy(c => c.StartsOn).Select(c => new { c.Id, c.Title, c.CourseId }).ToListAsync(cancellationToken);
        var courseIds = cohorts.Select(c => c.CourseId).Distinct().ToList();
        var lessons = await db.Lessons.Where(l => (courseIds.Contains(l.CourseId) || form.LessonIds.Contains(l.Id)) && l.ArchivedUtc == null)
            .OrderBy(l => l.CourseId).ThenBy(l => l.Module!.Position).ThenBy(l => l.Position)
            .Select(l => new
            {
                l.Id,
                Title = l.Texts.OrderBy(x => x.Language == language ? 0 : x.Language == l.Course!.DefaultLanguage ? 1 : 2).Select(x => x.Title).FirstOrDefault() ?? l.Slug,
                Course = l.Course!.Texts.OrderBy(x => x.Language == language ? 0 : x.Language == l.Course.DefaultLanguage ? 1 : 2).Select(x => x.Title).FirstOrDefault() ?? l.Course.Slug,
            })
            .ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return new SessionEditPage(id, form, SelectLists.TimeZones(form.TimeZone),
            [.. cohorts.Select(c => new Choice(c.Id, c.Title, form.CohortIds.Contains(c.Id)))],
            [.. municipalities.Select(m => new Choice(m.Id, m.Name, form.MunicipalityIds.Contains(m.Id)))],
            [.. lessons.Select(l => new Choice(l.Id, l.Title, form.LessonIds.Contains(l.Id), l.Course))]);
    }
}

/// <summary>The personal calendar feed: created and revoked by its owner, read by calendar apps with the token alone.</summary>
[Route("calendar")]
public sealed class CalendarController : Controller
{
    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("feed")]
    public async Task<IActionResult> Create([FromServices] CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var token = await feeds.CreateAsync(User.UserId()!.Value, cancellationToken);
        return View("Feed", new FeedPage($"{Request.Scheme}://{Request.Host}/calendar/{token}.ics"));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("feed/revoke")]
    public async Task<IActionResult> Revoke([FromServices] CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        await feeds.RevokeAsync(User.UserId()!.Value, cancellationToken);
        return Redirect("/sessions?notice=FeedRevoked");
    }

    /// <summary>Calendar apps cannot sign in: the secret token in the address is the credential (stored hashed).</summary>
    [AllowAnonymous]
    [HttpGet("{token}.ics")]
    public async Task<IActionResult> Feed(string token, [FromServices] CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var ics = await feeds.FeedAsync(token, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (ics is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}

public sealed record SessionListPage(IReadOnlyList<ListSessions.Row> Rows, bool Past, bool CanSchedule, CalendarFeeds.Status Feed, string? Notice);

public sealed record SessionDetailPage(ShowSession.View View, string? Notice);

public sealed record RecordPage(RecordSession.View View, RecordForm Form);

public sealed record FeedPage(string Url);
