using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Dashboard;

[Authorize(Policy = Policies.SignedIn)]
[Route("dashboard")]
public sealed class DashboardController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] LearnerProgress.Handler progress, [FromServices] MyCohorts.Handler cohorts,
        [FromServices] ListSessions.Handler sessions, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var municipality = await MunicipalityName(db, userId!.Value);
        return View(new DashboardPage(User.Find(AppClaims.DisplayName) ?? "", municipality ?? "",
            User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Admin),
            User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin),
            User.IsInRole(Roles.Admin),
            await progress.HandleAsync(userId.Value, cancellationToken),
            await cohorts.MineAsync(userId.Value, ContentLanguage.Viewer, cancellationToken),
            await sessions.NextAsync(User, 3, cancellationToken)));
    }

    private static readonly Func<AppDbContext, Guid, Task<string?>> MunicipalityName = EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId) => db.Users.Where(u => u.Id == userId).Select(u => u.Municipality!.Name).SingleOrDefault());
}

public sealed record DashboardPage(string DisplayName, string MunicipalityName, bool IsTrainer, bool IsCoordinator, bool IsAdmin,
    IReadOnlyList<LearnerProgress.Item> Courses, IReadOnlyList<MyCohorts.Row>? Cohorts = null,
    IReadOnlyList<ListSessions.Row>? Sessions = null)
{
    /// <summary>The most recently used course that is not finished yet.</summary>
    public LearnerProgress.Item? ContinueWith => Courses.FirstOrDefault(c => c.CompletedUtc is null && c.ContinueUrl is not null);
}
