using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Admin;

namespace RightsAcademy.Web.Tests.Features.Cohorts;

public sealed class CohortAccessTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task A_coordinator_creates_a_cohort_through_the_form_and_finds_it_in_their_list()
    {
        var coordinator = await app.Factory.CreateUserAsync("create-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await using var db = app.Factory.Database.CreateDbContext();
        var courseId = await db.Courses.Where(c => c.Slug == SampleCourse.Slug).Select(c => c.Id).SingleAsync();
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("create-coord@example.org");

        // A mistake re-renders the form with what was typed.
        var wrong = await client.PostFormAsync("/cohorts/new", "/cohorts/new",
            ("Form.CourseId", courseId.ToString()), ("Form.Title", "Counter staff, spring"), ("Form.EnrolmentOpensOn", "2027-03-01"),
            ("Form.StartsOn", "2027-03-10"), ("Form.EndsOn", "2027-03-01"), ("Form.TimeZone", "Europe/Paris"), ("Form.Capacity", "20"),
            ("Form.Mode", "JoinCode"), ("Form.MunicipalityIds", app.Municipality.Id.ToString()));
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The end must not be before the start.", wrongPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Counter staff, spring\"", wrongPage, StringComparison.Ordinal);

        var created = await client.PostFormAsync("/cohorts/new", "/cohorts/new",
            ("Form.CourseId", courseId.ToString()), ("Form.Title", "Counter staff, spring"), ("Form.EnrolmentOpensOn", "2027-03-01"),
            ("Form.StartsOn", "2027-03-10"), ("Form.EndsOn", "2027-04-30"), ("Form.TimeZone", "Europe/Paris"), ("Form.Capacity", "20"),
            ("Form.Mode", "JoinCode"), ("Form.MunicipalityIds", app.Municipality.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var cohort = await db.Cohorts.Include(c => c.Staff).SingleAsync(c => c.Title == "Counter staff, spring");
        Assert.Equal($"/cohorts/{cohort.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(new DateOnly(2027, 3, 10), cohort.StartsOn);
        Assert.Matches("^[A-Z2-9]{8}$", cohort.JoinCode);
        Assert.Equal(coordinator.Id, Assert.Single(cohort.Staff).UserId);
        Assert.Contains("Counter staff, spring", await client.GetPageAsync("/cohorts"), StringComparison.Ordinal);
        Assert.Contains(cohort.JoinCode!, await client.GetPageAsync($"/cohorts/{cohort.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_coordinator_gets_404_for_every_page_and_action_of_a_cohort_they_do_not_run()
    {
        var owner = await app.Factory.CreateUserAsync("owner-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("other-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(owner.Id, [app.Municipality.Id], title: "Owner's cohort");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("other-coord@example.org");

        foreach (var url in new[] { $"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/edit", $"/cohorts/{cohort.Id}/pacing", $"/cohorts/{cohort.Id}/roster" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        var import = await client.PostFormAsync("/cohorts", $"/cohorts/{cohort.Id}/import",
            ("csv", "name,email,municipality\nA,a-intruder@example.org,Testville\n"));
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        var invite = await client.PostFormAsync("/cohorts", $"/cohorts/{cohort.Id}/invite", ("Invite.Email", "owner-coord@example.org"), ("Invite.Language", "en"));
        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        var edit = await client.PostFormAsync("/cohorts", $"/cohorts/{cohort.Id}/edit", ("Form.Title", "Taken over"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain("Owner&#x27;s cohort", await client.GetPageAsync("/cohorts"), StringComparison.Ordinal);

        await using var db = app.Factory.Database.CreateDbContext();
        Assert.Equal("Owner's cohort", (await db.Cohorts.SingleAsync(c => c.Id == cohort.Id)).Title);
        Assert.False(await db.CohortMembers.AnyAsync(m => m.CohortId == cohort.Id));
    }

    [Fact]
    public async Task An_admin_manages_every_cohort()
    {
        var owner = await app.Factory.CreateUserAsync("owner2-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("cohort-admin@example.org", Roles.Admin, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(owner.Id, [app.Municipality.Id], title: "Seen by admin");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("cohort-admin@example.org");

        Assert.Contains("Seen by admin", await client.GetPageAsync($"/cohorts/{cohort.Id}"), StringComparison.Ordinal);
        Assert.Contains("Seen by admin", await client.GetPageAsync("/cohorts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_is_refused_the_coordinator_pages_and_sees_only_cohorts_they_belong_to()
    {
        var owner = await app.Factory.CreateUserAsync("owner3-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var member = await app.Factory.CreateUserAsync("member-learner@example.org", Roles.Learner, app.Municipality.Id);
        await app.Factory.CreateUserAsync("outsider-learner@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(owner.Id, [app.Municipality.Id], title: "Members only");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);

        using var outsider = app.Factory.CreateFormClient();
        await outsider.SignInAsync("outsider-learner@example.org");
        var list = await outsider.GetAsync("/cohorts");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/access-denied", list.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/my-cohorts/{cohort.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/cohorts/{cohort.Id}/roster")).StatusCode);
        Assert.DoesNotContain("Members only", await outsider.GetPageAsync("/my-cohorts"), StringComparison.Ordinal);

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("member-learner@example.org");
        Assert.Contains("Members only", await client.GetPageAsync("/my-cohorts"), StringComparison.Ordinal);
        Assert.Contains("Members only", await client.GetPageAsync("/dashboard"), StringComparison.Ordinal);
        Assert.Contains("Members only", await client.GetPageAsync($"/my-cohorts/{cohort.Id}"), StringComparison.Ordinal);
        // Membership enrols in the course, so the existing lesson pages open.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SampleCourse.FirstLesson)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cohorts/{cohort.Id}/roster")).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_sees_the_roster_but_cannot_manage_the_cohort()
    {
        var owner = await app.Factory.CreateUserAsync("owner4-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var facilitator = await app.Factory.CreateUserAsync("facilitator@example.org", Roles.Trainer, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(owner.Id, [app.Municipality.Id], title: "Facilitated", facilitatorId: facilitator.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("facilitator@example.org");

        Assert.Contains("Facilitated", await client.GetPageAsync($"/cohorts/{cohort.Id}/roster"), StringComparison.Ordinal);
        var manage = await client.GetAsync($"/cohorts/{cohort.Id}");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/access-denied", manage.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }
}
