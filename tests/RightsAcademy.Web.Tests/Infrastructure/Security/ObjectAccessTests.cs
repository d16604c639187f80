using System.Net;
using System.Text.RegularExpressions;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Certificates;

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
