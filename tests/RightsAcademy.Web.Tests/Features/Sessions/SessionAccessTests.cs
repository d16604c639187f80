using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Sessions;

/// <summary>The queries every session page and download starts from, on the real database.</summary>
public sealed class SessionAccessTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Members_see_their_cohorts_sessions_and_open_ones_coordinators_manage_only_their_cohorts_facilitators_record_only_theirs()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("acc-coord@example.org", Roles.Coordinator, m);
        var otherCoordinator = await app.Factory.CreateUserAsync("acc-coord2@example.org", Roles.Coordinator, m);
        var facilitator = await app.Factory.CreateUserAsync("acc-fac@example.org", Roles.Learner, m);
        var member = await app.Factory.CreateUserAsync("acc-member@example.org", Roles.Learner, m);
        var outsider = await app.Factory.CreateUserAsync("acc-outsider@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Access cohort");
        var otherCohort = await app.Factory.CreateCohortAsync(otherCoordinator.Id, [m], title: "Other cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        var mine = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], facilitatorIds: [facilitator.Id]);
        var theirs = await app.Factory.CreateSessionAsync(otherCoordinator.Id, [otherCohort.Id]);
        var shared = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id, otherCohort.Id]);
        var open = await app.Factory.CreateSessionAsync(otherCoordinator.Id, [], openToAllStaff: true);

        await using var db = app.Factory.Database.CreateDbContext();
        async Task<HashSet<Guid>> Ids(IQueryable<ExchangeSession> q) =>
            [.. await q.Where(s => s.Id == mine.Id || s.Id == theirs.Id || s.Id == shared.Id || s.Id == open.Id).Select(s => s.Id).ToListAsync()];

        Assert.Equal([mine.Id, shared.Id, open.Id], await Ids(db.VisibleSessions(Principal(member.Id, Roles.Learner))));
        Assert.Equal([open.Id], await Ids(db.VisibleSessions(Principal(outsider.Id, Roles.Learner))));
        Assert.Equal([mine.Id, open.Id], await Ids(db.VisibleSessions(Principal(facilitator.Id, Roles.Learner))));
        // A session shared with a cohort the coordinator does not run is not theirs alone to move.
        Assert.Equal([mine.Id], await Ids(db.ManageableSessions(Principal(coordinator.Id, Roles.Coordinator))));
        Assert.Equal([theirs.Id, open.Id], await Ids(db.ManageableSessions(Principal(otherCoordinator.Id, Roles.Coordinator))));
        Assert.Equal([mine.Id], await Ids(db.RecordableSessions(Principal(facilitator.Id, Roles.Learner))));
        Assert.Empty(await Ids(db.RecordableSessions(Principal(member.Id, Roles.Learner))));
    }

    private static ClaimsPrincipal Principal(Guid userId, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, role)], "test"));
}
