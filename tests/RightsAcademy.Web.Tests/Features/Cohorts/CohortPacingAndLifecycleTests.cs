using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Cohorts;

public sealed class CohortPacingAndLifecycleTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Dates_are_offsets_from_the_start_moving_it_moves_them_and_a_copy_keeps_the_plan()
    {
        var coordinator = await app.Factory.CreateUserAsync("pace-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("pace-learner@example.org", Roles.Learner, app.Municipality.Id, timeZone: "Asia/Seoul");
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Paced", startsOn: new DateOnly(2027, 3, 1),
            timeZone: "Europe/Vienna");
        await using var db = app.Factory.Database.CreateDbContext();
        var modules = await db.Modules.Where(m => m.CourseId == cohort.CourseId).OrderBy(m => m.Position).Select(m => m.Id).ToListAsync();
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("pace-coord@example.org");

        await client.PostFormAsync($"/cohorts/{cohort.Id}/pacing", $"/cohorts/{cohort.Id}/pacing",
            ("rows[0].ModuleId", modules[0].ToString()), ("rows[0].Release", "0"), ("rows[0].Due", "6"),
            ("rows[1].ModuleId", modules[1].ToString()), ("rows[1].Release", "28"), ("rows[1].Due", "34"));
        var invalid = await client.PostFormAsync($"/cohorts/{cohort.Id}/pacing", $"/cohorts/{cohort.Id}/pacing",
            ("rows[0].ModuleId", modules[0].ToString()), ("rows[0].Release", "9"), ("rows[0].Due", "2"));
        Assert.Contains("a module cannot be due before it opens", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pace = await db.CohortPacing.SingleAsync(p => p.CohortId == cohort.Id && p.ModuleId == modules[1]);
        Assert.Equal(28, pace.ReleaseOffsetDays);
        var loaded = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == cohort.Id);
        // 29 March 2027 is the Monday after Vienna moves to summer time: midnight there is 22:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 22, 0, 0, TimeSpan.Zero), CohortCalendar.ReleaseUtc(loaded, pace));

        // Moving the start a week later moves every date by a week.
        var edit = await client.PostFormAsync($"/cohorts/{cohort.Id}/edit", $"/cohorts/{cohort.Id}/edit",
            ("Form.CourseId", cohort.CourseId.ToString()), ("Form.Title", "Paced"), ("Form.EnrolmentOpensOn", "2027-02-01"),
            ("Form.StartsOn", "2027-03-08"), ("Form.EndsOn", "2027-04-19"), ("Form.TimeZone", "Europe/Vienna"), ("Form.Capacity", "30"),
            ("Form.Mode", "Invitation"), ("Form.MunicipalityIds", app.Municipality.Id.ToString()));
        Assert.Equal($"/cohorts/{cohort.Id}", edit.Headers.Location?.OriginalString);
        loaded = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == cohort.Id);
        Assert.Equal(new DateTimeOffset(2027, 4, 4, 22, 0, 0, TimeSpan.Zero), CohortCalendar.ReleaseUtc(loaded, pace));
        Assert.Equal(new DateTimeOffset(2027, 4, 11, 22, 0, 0, TimeSpan.Zero), CohortCalendar.DueUtc(loaded, pace));

        // A member in Seoul sees the Vienna midnight as 07:00 the next morning, in their own zone.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var learner = await db.Users.SingleAsync(u => u.Email == "pace-learner@example.org");
            await app.Factory.AddMemberAsync(cohort.Id, learner.Id);
        }

        using (var learnerClient = app.Factory.CreateFormClient())
        {
            await learnerClient.SignInAsync("pace-learner@example.org");
            var plan = await learnerClient.GetPageAsync($"/my-cohorts/{cohort.Id}");
            Assert.Contains("4/5/2027 7:00 AM (Asia/Seoul)", System.Net.WebUtility.HtmlDecode(plan).Replace(" AM", " AM", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var copy = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/copy", ("startsOn", "2027-09-06"));
        var copyId = Guid.Parse(copy.Headers.Location!.OriginalString.Split('/')[2]);
        var copied = await db.Cohorts.AsNoTracking().Include(c => c.Pacing).Include(c => c.Staff).SingleAsync(c => c.Id == copyId);
        Assert.Equal(new DateOnly(2027, 10, 18), copied.EndsOn);
        Assert.Equal(new DateOnly(2027, 8, 2), copied.EnrolmentOpensOn);
        Assert.Equal([(0, 6), (28, 34)], copied.Pacing.OrderBy(p => p.ReleaseOffsetDays).Select(p => (p.ReleaseOffsetDays, p.DueOffsetDays ?? -1)));
        Assert.Contains(copied.Staff, s => s.UserId == coordinator.Id && s.Role == CohortStaffRole.Coordinator);
        Assert.False(await db.CohortMembers.AnyAsync(m => m.CohortId == copyId));
    }

    [Fact]
    public async Task The_lifecycle_job_follows_the_dates_and_a_second_run_changes_nothing()
    {
        var coordinator = await app.Factory.CreateUserAsync("life-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Lifecycle", startsOn: new DateOnly(2030, 5, 6),
            timeZone: "America/Montevideo");
        Guid paceId;
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var module = await db.Modules.Where(m => m.CourseId == cohort.CourseId).OrderBy(m => m.Position).Select(m => m.Id).FirstAsync();
            var pace = new CohortPace { CohortId = cohort.Id, ModuleId = module, ReleaseOffsetDays = 7, DueOffsetDays = 13 };
            db.CohortPacing.Add(pace);
            await db.SaveChangesAsync();
            paceId = pace.Id;
        }

        async Task<(int Added, CohortStage Stage, string[] Keys)> RunAtAsync(DateTimeOffset now)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await new RunCohortLifecycle(db, new ManualClock(now)).RunAsync(CancellationToken.None);
            await using var check = app.Factory.Database.CreateDbContext();
            var stage = await check.Cohorts.Where(c => c.Id == cohort.Id).Select(c => c.Stage).SingleAsync();
            var keys = await check.CohortMilestones.Where(m => m.CohortId == cohort.Id).OrderBy(m => m.Key).Select(m => m.Key).ToArrayAsync();
            return (added, stage, keys);
        }

        // Montevideo is UTC-3: 6 May starts there at 03:00 UTC.
        var before = await RunAtAsync(new DateTimeOffset(2030, 5, 6, 2, 59, 0, TimeSpan.Zero));
        Assert.Equal(CohortStage.EnrolmentOpen, before.Stage);
        Assert.Equal([RunCohortLifecycle.EnrolmentOpened], before.Keys);

        var started = await RunAtAsync(new DateTimeOffset(2030, 5, 6, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(CohortStage.Running, started.Stage);
        Assert.Equal([RunCohortLifecycle.EnrolmentOpened, RunCohortLifecycle.Started], started.Keys);

        var released = await RunAtAsync(new DateTimeOffset(2030, 5, 20, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, released.Added);
        Assert.Contains(RunCohortLifecycle.Released(paceId), released.Keys);
        Assert.Contains(RunCohortLifecycle.Due(paceId), released.Keys);

        var again = await RunAtAsync(new DateTimeOffset(2030, 5, 20, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, again.Added);
        Assert.Equal(released.Keys, again.Keys);
        Assert.Equal(released.Stage, again.Stage);

        var archived = await RunAtAsync(new DateTimeOffset(2030, 9, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(CohortStage.Archived, archived.Stage);
        Assert.Contains(RunCohortLifecycle.Closed, archived.Keys);
        Assert.Contains(RunCohortLifecycle.Archived, archived.Keys);
        Assert.Equal(0, (await RunAtAsync(new DateTimeOffset(2030, 9, 2, 12, 0, 0, TimeSpan.Zero))).Added);
    }

    [Fact]
    public async Task The_roster_shows_progress_and_quiz_results_filtered_by_municipality_and_department()
    {
        var coordinator = await app.Factory.CreateUserAsync("roster-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var other = await app.Factory.CreateMunicipalityAsync("Rosterville", "FR", "Europe/Paris", "fr");
        var busy = await app.Factory.CreateUserAsync("roster-busy@example.org", Roles.Learner, app.Municipality.Id, displayName: "Busy Learner");
        var idle = await app.Factory.CreateUserAsync("roster-idle@example.org", Roles.Learner, other.Id, displayName: "Idle Learner");
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id, other.Id], title: "Roster cohort");
        await app.Factory.AddMemberAsync(cohort.Id, busy.Id);
        await app.Factory.AddMemberAsync(cohort.Id, idle.Id);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == busy.Id)).Department = "Housing";
            await db.SaveChangesAsync();
        }

        using (var learner = app.Factory.CreateFormClient())
        {
            await learner.SignInAsync("roster-busy@example.org");
            await learner.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/complete");
            await learner.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz", ("q.panel", "b"), ("q.first-steps", "a"), ("q.first-steps", "c"));
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("roster-coord@example.org");
        var roster = await client.GetPageAsync($"/cohorts/{cohort.Id}/roster");
        Assert.Contains("Busy Learner", roster, StringComparison.Ordinal);
        Assert.Contains("2 of 3 required lessons completed", roster, StringComparison.Ordinal);
        Assert.Contains("1 of 1 passed (100 %)", roster, StringComparison.Ordinal);
        Assert.Contains("0 of 3 required lessons completed", roster, StringComparison.Ordinal);

        var filtered = await client.GetPageAsync($"/cohorts/{cohort.Id}/roster?municipality={other.Id}");
        Assert.Contains("Idle Learner", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Busy Learner", filtered, StringComparison.Ordinal);
        var byDepartment = await client.GetPageAsync($"/cohorts/{cohort.Id}/roster?department=housing");
        Assert.Contains("Busy Learner", byDepartment, StringComparison.Ordinal);
        Assert.DoesNotContain("Idle Learner", byDepartment, StringComparison.Ordinal);
    }
}
