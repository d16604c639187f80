using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Reports;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Authoring;
using RightsAcademy.Web.Tests.Features.Certificates;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// Object-level authorisation: a page a role may open in general must still refuse someone else's object. Each check
/// has a control (the owner or the right staff member gets it), so a refusal cannot come from a broken URL.
/// </summary>
public sealed partial class ObjectAccessTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    [Fact]
    public async Task A_certificate_pdf_and_credential_are_for_their_owner_only()
    {
        var (owner, ownerClient) = await app.LearnerWhoCompletedAsync("obj-owner@example.org");
        using var _ = ownerClient;
        await app.IssueAsync(owner.Id);
        var certificate = (await app.CertificatesOfAsync(owner.Id)).Single();
        var urls = new[] { $"/certificates/{certificate.Id}/pdf", $"/certificates/{certificate.Id}/credential" };
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync(url)).StatusCode);
        }

        foreach (var role in new[] { Roles.Learner, Roles.Trainer, Roles.Coordinator })
        {
            var email = $"obj-cert-{role.ToLowerInvariant()}@example.org";
            await app.Factory.CreateUserAsync(email, role, app.Municipality.Id);
            using var other = app.Factory.CreateFormClient();
            await other.SignInAsync(email);
            foreach (var url in urls)
            {
                var response = await other.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} as another {role}: {(int)response.StatusCode}");
                Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var anonymous = app.Factory.CreateFormClient();
        Assert.StartsWith("/account/sign-in", (await anonymous.GetAsync(urls[0])).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cohorts_of_another_municipality_or_without_membership_stay_closed_and_learners_see_no_one_elses_progress()
    {
        var elsewhere = await app.Factory.CreateMunicipalityAsync("Obj Elsewhere", "SN", "Africa/Dakar", "fr");
        var coordinator = await app.Factory.CreateUserAsync("obj-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var foreignCoordinator = await app.Factory.CreateUserAsync("obj-coord-far@example.org", Roles.Coordinator, elsewhere.Id);
        var member = await app.Factory.CreateUserAsync("obj-member@example.org", Roles.Learner, app.Municipality.Id);
        var outsider = await app.Factory.CreateUserAsync("obj-outsider@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Obj cohort");
        var foreignCohort = await app.Factory.CreateCohortAsync(foreignCoordinator.Id, [elsewhere.Id], title: "Far cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);

        var staffPages = new[] { $"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/edit", $"/cohorts/{cohort.Id}/pacing", $"/cohorts/{cohort.Id}/roster" };
        using (var control = await SignedInAsync("obj-coord@example.org"))
        {
            foreach (var url in staffPages)
            {
                Assert.True((await control.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} refused its own coordinator");
            }
        }

        using (var far = await SignedInAsync("obj-coord-far@example.org"))
        {
            foreach (var url in staffPages.Append($"/my-cohorts/{cohort.Id}"))
            {
                AssertClosed(await far.GetAsync(url), url, "a coordinator of another municipality");
            }

            Assert.Equal(HttpStatusCode.OK, (await far.GetAsync($"/cohorts/{foreignCohort.Id}")).StatusCode);
            // Nor can they act on it.
            var invite = await far.PostFormAsync($"/cohorts/{foreignCohort.Id}", $"/cohorts/{cohort.Id}/invite", ("Emails", "sneaky@example.org"));
            Assert.True(invite.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"invite into another municipality's cohort: {(int)invite.StatusCode}");
        }

        using (var memberClient = await SignedInAsync("obj-member@example.org"))
        {
            Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/my-cohorts/{cohort.Id}")).StatusCode);
            // The roster holds everyone's progress: a member who is not staff never sees it.
            AssertClosed(await memberClient.GetAsync($"/cohorts/{cohort.Id}/roster"), "roster", "a member who is not staff");
            AssertClosed(await memberClient.GetAsync($"/my-cohorts/{foreignCohort.Id}"), "foreign cohort", "a learner of another municipality");
        }

        using var outsiderClient = await SignedInAsync("obj-outsider@example.org");
        foreach (var url in staffPages.Append($"/my-cohorts/{cohort.Id}"))
        {
            AssertClosed(await outsiderClient.GetAsync(url), url, "a learner who does not belong to the cohort");
        }

        Assert.NotEqual(outsider.Id, member.Id);
    }

    [Fact]
    public async Task A_calendar_feed_opens_only_with_its_owners_current_token_and_a_session_only_for_its_cohorts()
    {
        var coordinator = await app.Factory.CreateUserAsync("obj-sess-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var member = await app.Factory.CreateUserAsync("obj-sess-member@example.org", Roles.Learner, app.Municipality.Id);
        await app.Factory.CreateUserAsync("obj-sess-outsider@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Obj session cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Members only exchange");

        using var memberClient = await SignedInAsync("obj-sess-member@example.org");
        await memberClient.PostFormAsync($"/sessions/{session.Id}", $"/sessions/{session.Id}/rsvp", ("answer", "Yes"));
        var feedPage = await memberClient.PostFormAsync("/sessions", "/calendar/feed");
        var feedUrl = FeedUrl().Match(await feedPage.Content.ReadAsStringAsync()).Value;
        Assert.NotEmpty(feedUrl);
        var feedPath = new Uri(feedUrl).PathAndQuery;
        using var calendarApp = app.Factory.CreateFormClient();
        var feed = await calendarApp.GetAsync(feedPath);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("Members only exchange", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another person cannot read it without the token: a guessed or altered token finds nothing.
        var token = feedPath["/calendar/".Length..^".ics".Length];
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync($"/calendar/{altered}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync("/calendar/guessed-token.ics")).StatusCode);

        using var outsider = await SignedInAsync("obj-sess-outsider@example.org");
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/sessions/{session.Id}")).StatusCode);
        AssertClosed(await outsider.GetAsync($"/sessions/{session.Id}"), "session", "a learner outside its cohorts");
        AssertClosed(await outsider.GetAsync($"/sessions/{session.Id}/invitation.ics"), "session .ics", "a learner outside its cohorts");

        // Once revoked, the old address is dead.
        await memberClient.PostFormAsync("/sessions", "/calendar/feed/revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(feedPath)).StatusCode);
    }

    [Fact]
    public async Task Another_trainers_draft_is_closed_on_every_author_route_by_url_and_by_post_with_a_valid_token()
    {
        await app.Factory.CreateUserAsync("obj-author-owner@example.org", Roles.Trainer, app.Municipality.Id);
        await app.Factory.CreateUserAsync("obj-author-other@example.org", Roles.Trainer, app.Municipality.Id);
        await app.Factory.CreateUserAsync("obj-author-learner@example.org", Roles.Learner, app.Municipality.Id);
        using var owner = await SignedInAsync("obj-author-owner@example.org");
        await owner.CreateCourseAsync("obj-owned-draft", title: "Obj owned draft");
        await owner.AddModuleAsync("obj-owned-draft", "basics", "Basics");
        var lesson = await owner.AddLessonAsync("obj-owned-draft", "01-basics", "intro", "Intro");
        using var other = await SignedInAsync("obj-author-other@example.org");
        using var learner = await SignedInAsync("obj-author-learner@example.org");
        var before = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Select(f => f.ContentHash + f.Path).OrderBy(x => x).ToListAsync());

        // Every route of one course, from the app's own endpoint list: a route added later is covered the day it is added.
        var routes = Endpoints.All(app.Factory)
            .Where(e => Endpoints.Path(e).StartsWith("/author/courses/{slug}", StringComparison.Ordinal))
            .SelectMany(e => Endpoints.Methods(e).Where(m => m is "GET" or "POST").Select(m => (Method: m, Url: CourseUrl(e, "obj-owned-draft", lesson))))
            .Distinct()
            .ToList();
        Assert.Contains(routes, r => r is { Method: "POST", Url: "/author/courses/obj-owned-draft/publish" });
        Assert.True(routes.Count >= 15, $"only {routes.Count} author routes found");

        foreach (var (method, url) in routes)
        {
            // Fields a real form would send, so only ownership can stop the request; tokens from pages each client may open.
            var byOther = method == "GET" ? await other.GetAsync(url) : await other.PostFormAsync("/author", url, AuthorFields(lesson));
            AssertClosed(byOther, $"{method} {url}", "a trainer who does not own the course");
            Assert.DoesNotContain("Obj owned draft", await byOther.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var byLearner = method == "GET" ? await learner.GetAsync(url) : await learner.PostFormAsync("/account/profile", url, AuthorFields(lesson));
            AssertClosed(byLearner, $"{method} {url}", "a learner");
        }

        // The control: the owner opens the same course pages.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/author/courses/obj-owned-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(Authoring.EditUrl("obj-owned-draft", lesson))).StatusCode);
        Assert.DoesNotContain("obj-owned-draft", await other.GetPageAsync("/author"), StringComparison.Ordinal);
        var after = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Select(f => f.ContentHash + f.Path).OrderBy(x => x).ToListAsync());
        Assert.Equal(before, after);
        Assert.False(await app.Factory.QueryAsync(db => db.Courses.AnyAsync(c => c.Slug == "obj-owned-draft")), "the draft was published");
    }

    [Fact]
    public async Task A_coordinator_gets_nothing_of_another_municipalitys_report_by_query_csv_or_target_form()
    {
        const string far = "Obj Farcity", farDepartment = "Obj Far Parks";
        var farCity = await app.Factory.CreateMunicipalityAsync(far, "CL", "America/Santiago", "es");
        await app.Factory.CreateUserAsync("obj-rep-near@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("obj-rep-far@example.org", Roles.Coordinator, farCity.Id);
        foreach (var i in Enumerable.Range(1, 6))
        {
            var learner = await app.Factory.CreateUserAsync($"obj-rep-far-{i}@example.org", Roles.Learner, farCity.Id);
            await app.Factory.QueryAsync(db => db.Users.Where(u => u.Id == learner.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Department, farDepartment)));
        }

        var farUrls = new List<string> { $"/reports?municipality={farCity.Id}", $"/reports?municipality={farCity.Id}&department={Uri.EscapeDataString(farDepartment)}" };
        farUrls.AddRange(ShowReport.Tables.All.Select(t => $"/reports/{t}.csv?municipality={farCity.Id}"));

        // The control: the far city's own coordinator gets each of them, with its figures.
        using (var farCoordinator = await SignedInAsync("obj-rep-far@example.org"))
        {
            foreach (var url in farUrls)
            {
                Assert.True((await farCoordinator.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{url} refused its own coordinator");
            }

            Assert.Contains(far, await farCoordinator.GetPageAsync($"/reports/municipalities.csv?municipality={farCity.Id}"), StringComparison.Ordinal);
        }

        using var near = await SignedInAsync("obj-rep-near@example.org");
        foreach (var url in farUrls)
        {
            var response = await near.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode} to another municipality's coordinator");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(far, body, StringComparison.Ordinal);
            Assert.DoesNotContain(farDepartment, body, StringComparison.Ordinal);
        }

        // Their own page and files, even asked for the far department, hold nothing of the far city.
        foreach (var url in ShowReport.Tables.All.Select(t => $"/reports/{t}.csv?department={Uri.EscapeDataString(farDepartment)}").Append("/reports"))
        {
            var response = await near.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(far, body, StringComparison.Ordinal);
        }

        var target = await near.PostFormAsync("/reports", $"/reports/targets?municipality={farCity.Id}",
            ("municipality", farCity.Id.ToString()), ("Target.Department", farDepartment), ("Target.Headcount", "40"));
        Assert.Equal(HttpStatusCode.NotFound, target.StatusCode);
        Assert.False(await app.Factory.QueryAsync(db => db.DepartmentTargets.AnyAsync(t => t.MunicipalityId == farCity.Id)));
    }

    private static string CourseUrl(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint, string slug, string lesson)
    {
        var url = Endpoints.Fill(endpoint).Replace("/no-such-thing", "/" + slug, StringComparison.Ordinal);
        var firstSegment = "/author/courses/" + slug;
        Assert.StartsWith(firstSegment, url, StringComparison.Ordinal);
        return Endpoints.Path(endpoint).EndsWith("/edit", StringComparison.Ordinal) ? Authoring.EditUrl(slug, lesson) : url;
    }

    private static (string, string)[] AuthorFields(string lesson) =>
    [
        ("Form.Path", lesson), ("Form.Version", "1"), ("Form.Title", "Hijacked"), ("Form.Body", "x"), ("intent", "save"),
        ("Module.Title", "Evil"), ("Module.Name", "evil"), ("Lesson.Folder", "01-basics"), ("Lesson.Title", "Evil"),
        ("Lesson.Name", "evil"), ("Lesson.Kind", "lesson"), ("path", lesson), ("version", "1"), ("Email", "obj-author-other@example.org"),
    ];

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }

    private static void AssertClosed(HttpResponseMessage response, string what, string who)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"{what} answered {(int)response.StatusCode} {location} to {who}");
    }

    [GeneratedRegex(@"https?://[^""<\s]+/calendar/[^""<\s]+\.ics")]
    private static partial Regex FeedUrl();
}
