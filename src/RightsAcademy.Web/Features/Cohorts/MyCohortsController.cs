using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>A learner's side: their cohorts, joining by code or an open cohort, leaving, sharing the address.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyCohortsController : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("my-cohorts")]
    public async Task<IActionResult> Index([FromServices] MyCohorts.Handler handler, string? notice, CancellationToken cancellationToken) =>
        View("Mine", new MyCohortsPage(await handler.HandleAsync(User.UserId()!.Value, Language, cancellationToken), notice));

    [HttpGet("my-cohorts/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] ShowMyCohort.Handler handler, string? notice, CancellationToken cancellationToken)
    {
        var view = await handler.HandleAsync(id, User.UserId()!.Value, Language, cancellationToken);
        return view is null ? NotFound() : View("MyCohort", new MyCohortPage(view, notice));
    }

    [HttpPost("my-cohorts/{id:guid}/leave")]
    public async Task<IActionResult> Leave(Guid id, [FromServices] LeaveCohort.Handler handler, CancellationToken cancellationToken) =>
        await handler.LeaveAsync(id, User.UserId()!.Value, cancellationToken) ? Redirect("/my-cohorts?notice=Left") : NotFound();

    [HttpPost("my-cohorts/{id:guid}/share-email")]
    public async Task<IActionResult> ShareEmail(Guid id, bool share, [FromServices] ShareEmail.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, User.UserId()!.Value, share, cancellationToken) ? Redirect($"/my-cohorts/{id}") : NotFound();

    /// <summary>For the cohort's coordinators and facilitators (and admins); anyone else gets 404.</summary>
    [HttpGet("cohorts/{id:guid}/roster")]
    public async Task<IActionResult> Roster(Guid id, Guid? municipality, string? department, [FromServices] ShowRoster.Handler handler,
        CancellationToken cancellationToken)
    {
        var view = await handler.HandleAsync(id, new ShowRoster.Filter(municipality, department), User, cancellationToken);
        return view is null ? NotFound() : View(view);
    }

    [HttpGet("cohorts/join")]
    public IActionResult Join() => View(new JoinForm());

    [HttpPost("cohorts/join")]
    public async Task<IActionResult> Join([Bind(Prefix = "")] JoinForm form, [FromServices] JoinCohort.Handler handler,
        [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await handler.ByCodeAsync(form.Code, User.UserId()!.Value, cancellationToken);
        if (result.CohortId is { } id && result.Outcome is JoinCohort.Outcome.Joined or JoinCohort.Outcome.Waitlisted
            or JoinCohort.Outcome.AlreadyMember or JoinCohort.Outcome.AlreadyWaitlisted)
        {
            return Redirect($"/my-cohorts/{id}?notice={result.Outcome}");
        }

        ModelState.AddModelError(nameof(form.Code), t[$"Cohorts.Join.{result.Outcome}"]);
        return View(form);
    }

    [HttpPost("cohorts/{id:guid}/join")]
    public async Task<IActionResult> JoinOpen(Guid id, [FromServices] JoinCohort.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.OpenAsync(id, User.UserId()!.Value, cancellationToken);
        return result.Outcome is JoinCohort.Outcome.Joined or JoinCohort.Outcome.Waitlisted or JoinCohort.Outcome.AlreadyMember or JoinCohort.Outcome.AlreadyWaitlisted
            ? Redirect($"/my-cohorts/{id}?notice={result.Outcome}")
            : Redirect($"/my-cohorts?notice={result.Outcome}");
    }
}

public sealed record MyCohortsPage(MyCohorts.View View, string? Notice);

public sealed record MyCohortPage(ShowMyCohort.View View, string? Notice);
