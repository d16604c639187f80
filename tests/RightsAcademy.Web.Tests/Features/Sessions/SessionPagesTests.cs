using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Sessions;

/// <summary>Peer-exchange sessions through the pages, as people without JavaScript use them.</summary>
public sealed partial class SessionPagesTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task A_coordinator_schedules_through_the_form_a_skipped_time_is_a_field_error_that_keeps_what_was_typed()
    {
        var coordinator = await app.Factory.CreateUserAsync("sch-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Scheduling cohort", timeZone: "Europe/Vienna");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("sch-coord@example.org");

        var form = await client.GetPageAsync($"/sessions/new?cohort={cohort.Id}");
        // The cohort's zone is the default.
        Assert.Matches("<option[^>]*selected[^>]*value=\"Europe/Vienna\"|<option[^>]*value=\"Europe/Vienna\"[^>]*selected", form);

        var skipped = await client.PostFormAsync("/sessions/new", "/sessions/new", SessionFields(cohort.Id, "Housing first", "2027-03-28T02:30"));
        var page = await skipped.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Contains("This time does not exist in that time zone", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Housing first\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-03-28T02:30\"", page, StringComparison.Ordinal);
        Assert.Contains("Bring **one** example", page, StringComparison.Ordinal);

        var created = await client.PostFormAsync("/sessions/new", "/sessions/new", SessionFields(cohort.Id, "Housing first", "2027-03-28T18:00"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = app.Factory.Database.CreateDbContext();
        var session = await db.ExchangeSessions.Include(s => s.Cohorts).SingleAsync(s => s.Title == "Housing first");
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 16, 0, 0, TimeSpan.Zero), session.StartUtc);
        Assert.Equal("Europe/Vienna", session.HostTimeZone);
        Assert.Equal(0, session.Sequence);
        Assert.Equal(cohort.Id, Assert.Single(session.Cohorts).CohortId);
        Assert.Contains("<strong>one</strong>", session.AgendaHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_role_reaches_only_its_sessions_by_direct_url_and_direct_post()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("role-coord@example.org", Roles.Coordinator, m);
        await app.Factory.CreateUserAsync("role-coord2@example.org", Roles.Coordinator, m);
        var facilitator = await app.Factory.CreateUserAsync("role-fac@example.org", Roles.Learner, m);
        var member = await app.Factory.CreateUserAsync("role-member@example.org", Roles.Learner, m);
        await app.Factory.CreateUserAsync("role-outsider@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Roles cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], startUtc: DateTimeOffset.UtcNow.AddHours(-3),
            title: "Roles session", facilitatorIds: [facilitator.Id]);
        var id = session.Id;

        // An outsider (learner) and a coordinator of other cohorts: 404 everywhere, nothing changes.
        foreach (var email in new[] { "role-outsider@example.org", "role-coord2@example.org" })
        {
            using var client = app.Factory.CreateFormClient();
            await client.SignInAsync(email);
            foreach (var url in new[] { $"/sessions/{id}", $"/sessions/{id}/invitation.ics", $"/sessions/{id}/record", $"/sessions/{id}/practices/new" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/sessions", $"/sessions/{id}/rsvp", ("answer", "Yes"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/sessions", $"/sessions/{id}/record", ("Form.Attended", member.Id.ToString()))).StatusCode);
            Assert.DoesNotContain("Roles session", await client.GetPageAsync("/sessions?past=true"), StringComparison.Ordinal);
        }

        // Learners (member, facilitator, outsider) never reach the coordinator pages; the other coordinator gets 404.
        using (var learner = app.Factory.CreateFormClient())
        {
            await learner.SignInAsync("role-member@example.org");
            var edit = await learner.GetAsync($"/sessions/{id}/edit");
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            Assert.Contains("/account/access-denied", edit.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await learner.PostFormAsync("/sessions", $"/sessions/{id}/cancel")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync("/sessions/new")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/sessions/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/sessions/{id}/record")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await learner.PostFormAsync($"/sessions/{id}", $"/sessions/{id}/record", ("Form.Attended", member.Id.ToString()))).StatusCode);
        }

        using (var other = app.Factory.CreateFormClient())
        {
            await other.SignInAsync("role-coord2@example.org");
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/sessions/{id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/sessions", $"/sessions/{id}/edit", ("Form.Title", "Taken over"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/sessions", $"/sessions/{id}/cancel")).StatusCode);
            // Nor can they schedule for a cohort they do not run.
            var foreign = await other.PostFormAsync("/sessions/new", "/sessions/new", SessionFields(cohort.Id, "Foreign session", "2027-05-01T10:00"));
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        }

        // The facilitator records; the coordinator manages.
        using (var fac = app.Factory.CreateFormClient())
        {
            await fac.SignInAsync("role-fac@example.org");
            Assert.Equal(HttpStatusCode.OK, (await fac.GetAsync($"/sessions/{id}/record")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await fac.GetAsync($"/sessions/{id}/edit")).StatusCode);
        }

        using (var coord = app.Factory.CreateFormClient())
        {
            await coord.SignInAsync("role-coord@example.org");
            Assert.Equal(HttpStatusCode.OK, (await coord.GetAsync($"/sessions/{id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coord.GetAsync($"/sessions/{id}/record")).StatusCode);
        }

        await using var db = app.Factory.Database.CreateDbContext();
        var after = await db.ExchangeSessions.SingleAsync(s => s.Id == id);
        Assert.Equal("Roles session", after.Title);
        Assert.Null(after.CancelledUtc);
        Assert.False(await db.SessionAttendances.AnyAsync(a => a.SessionId == id));
        Assert.False(await db.SessionRsvps.AnyAsync(r => r.SessionId == id));
        Assert.False(await db.ExchangeSessions.AnyAsync(s => s.Title == "Foreign session"));
    }

    [Fact]
    public async Task Answers_fill_the_places_then_the_waitlist_and_a_declined_place_goes_to_the_first_waiting_with_plain_forms()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("rsvp-coord@example.org", Roles.Coordinator, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "RSVP cohort");
        var people = new List<AppUser>();
        foreach (var name in new[] { "rsvp-a", "rsvp-b", "rsvp-c" })
        {
            var user = await app.Factory.CreateUserAsync($"{name}@example.org", Roles.Learner, m);
            await app.Factory.AddMemberAsync(cohort.Id, user.Id);
            people.Add(user);
        }

        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], capacity: 1, title: "Small room");
        var clients = new List<FormClient>();
        foreach (var user in people)
        {
            var client = app.Factory.CreateFormClient();
            await client.SignInAsync(user.Email!);
            clients.Add(client);
        }

        try
        {
            var a = await Answer(clients[0], session.Id, "Yes");
            Assert.Equal($"/sessions/{session.Id}?notice=RsvpYes", a.Headers.Location!.OriginalString);
            Assert.Equal($"/sessions/{session.Id}?notice=RsvpWaitlisted", (await Answer(clients[1], session.Id, "Yes")).Headers.Location!.OriginalString);
            Assert.Equal($"/sessions/{session.Id}?notice=RsvpWaitlisted", (await Answer(clients[2], session.Id, "Yes")).Headers.Location!.OriginalString);
            // Saying yes again keeps the place in the queue.
            Assert.Equal($"/sessions/{session.Id}?notice=RsvpWaitlisted", (await Answer(clients[1], session.Id, "Yes")).Headers.Location!.OriginalString);
            Assert.Contains("On the waiting list", await clients[1].GetPageAsync($"/sessions/{session.Id}"), StringComparison.Ordinal);

            Assert.Equal($"/sessions/{session.Id}?notice=RsvpNo", (await Answer(clients[0], session.Id, "No")).Headers.Location!.OriginalString);

            await using var db = app.Factory.Database.CreateDbContext();
            var answers = await db.SessionRsvps.Where(r => r.SessionId == session.Id).ToDictionaryAsync(r => r.UserId, r => r.Answer);
            Assert.Equal(RsvpAnswer.No, answers[people[0].Id]);
            Assert.Equal(RsvpAnswer.Yes, answers[people[1].Id]);
            Assert.Equal(RsvpAnswer.Waitlisted, answers[people[2].Id]);
            Assert.Contains("Yes, I will attend", await clients[1].GetPageAsync($"/sessions/{session.Id}"), StringComparison.Ordinal);

            // Maybe gives up the place too; the next in line gets it.
            await Answer(clients[1], session.Id, "Maybe");
            Assert.Equal(RsvpAnswer.Yes, await db.SessionRsvps.Where(r => r.SessionId == session.Id && r.UserId == people[2].Id).Select(r => r.Answer).SingleAsync());
            Assert.Equal(1, await db.SessionRsvps.CountAsync(r => r.SessionId == session.Id && r.Answer == RsvpAnswer.Yes));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task The_invitation_parses_keeps_its_uid_raises_its_sequence_on_reschedule_and_is_a_cancel_after_cancelling_and_the_seam_is_told()
    {
        var recorder = new RecordingReminders();
        using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISessionReminders>(recorder)));
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("ics-coord@example.org", Roles.Coordinator, m);
        var member = await app.Factory.CreateUserAsync("ics-member@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "ICS cohort", timeZone: "Europe/Vienna");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        using var coord = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await coord.SignInAsync("ics-coord@example.org");
        var created = await coord.PostFormAsync("/sessions/new", "/sessions/new", SessionFields(cohort.Id, "Calendar session", "2027-04-12T18:00"));
        var id = Guid.Parse(SessionIdInUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value);
        using var learner = new FormClient(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await learner.SignInAsync("ics-member@example.org");

        var first = await learner.GetAsync($"/sessions/{id}/invitation.ics");
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        var ics = Ics.Read(await first.Content.ReadAsStringAsync());
        Assert.Equal("PUBLISH", ics.Calendar["METHOD"].Value);
        Assert.Equal("Europe/Vienna", Assert.Single(ics.Components, c => c.Name == "VTIMEZONE").Properties["TZID"].Value);
        var vevent = Assert.Single(ics.Components, c => c.Name == "VEVENT");
        Assert.Equal(SessionCalendar.Uid(id), vevent.Properties["UID"].Value);
        Assert.Equal("0", vevent.Properties["SEQUENCE"].Value);
        Assert.Equal("20270412T180000", vevent.Properties["DTSTART"].Value);
        Assert.Empty(recorder.Calls);

        // Reschedule through the edit form.
        var edit = await coord.GetPageAsync($"/sessions/{id}/edit");
        var version = VersionField().Match(edit).Groups[1].Value;
        // The form shows the session as it is, the start in the host's zone.
        Assert.Contains("value=\"Calendar session\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-04-12T18:00\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"90\"", edit, StringComparison.Ordinal);
        var moved = await coord.PostFormAsync($"/sessions/{id}/edit", $"/sessions/{id}/edit",
            SessionFields(cohort.Id, "Calendar session", "2027-04-13T09:30").Append(new("Form.Version", version)));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        vevent = Assert.Single(Ics.Read(await learner.Http.GetStringAsync($"/sessions/{id}/invitation.ics")).Components, c => c.Name == "VEVENT");
        Assert.Equal(SessionCalendar.Uid(id), vevent.Properties["UID"].Value);
        Assert.Equal("1", vevent.Properties["SEQUENCE"].Value);
        Assert.Equal("20270413T093000", vevent.Properties["DTSTART"].Value);
        Assert.Equal([id], recorder.Calls);

        // A save with the old version is refused: someone changed it meanwhile.
        var stale = await coord.PostFormAsync($"/sessions/{id}/edit", $"/sessions/{id}/edit",
            SessionFields(cohort.Id, "Stale title", "2027-04-13T09:30").Append(new("Form.Version", version)));
        Assert.Contains("Someone else changed this session", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await coord.PostFormAsync($"/sessions/{id}", $"/sessions/{id}/cancel")).StatusCode);
        var cancelled = Ics.Read(await learner.Http.GetStringAsync($"/sessions/{id}/invitation.ics"));
        Assert.Equal("CANCEL", cancelled.Calendar["METHOD"].Value);
        vevent = Assert.Single(cancelled.Components, c => c.Name == "VEVENT");
        Assert.Equal(SessionCalendar.Uid(id), vevent.Properties["UID"].Value);
        Assert.Equal("2", vevent.Properties["SEQUENCE"].Value);
        Assert.Equal("CANCELLED", vevent.Properties["STATUS"].Value);
        Assert.Equal([id, id], recorder.Calls);
        Assert.Contains("This session has been cancelled.", await learner.GetPageAsync($"/sessions/{id}"), StringComparison.Ordinal);

        // And with Ical.Net as a second, independent reader of the same bytes.
        var loaded = Ical.Net.Calendar.Load(await learner.Http.GetStringAsync($"/sessions/{id}/invitation.ics"))!;
        Assert.Equal(2, loaded.Events.Single().Sequence);
    }

    [Fact]
    public async Task The_personal_feed_works_anonymously_with_its_token_lists_yes_and_maybe_marks_cancelled_and_stops_when_revoked()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("feed-coord@example.org", Roles.Coordinator, m);
        var member = await app.Factory.CreateUserAsync("feed-member@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Feed cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        var yes = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Feed yes");
        var maybe = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Feed maybe");
        var no = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Feed no");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("feed-member@example.org");
        await Answer(client, yes.Id, "Yes");
        await Answer(client, maybe.Id, "Maybe");
        await Answer(client, no.Id, "No");
        using var coord = app.Factory.CreateFormClient();
        await coord.SignInAsync("feed-coord@example.org");
        await coord.PostFormAsync($"/sessions/{maybe.Id}", $"/sessions/{maybe.Id}/cancel");

        var page = await (await client.PostFormAsync("/sessions", "/calendar/feed")).Content.ReadAsStringAsync();
        var url = new Uri(FeedUrl().Match(page).Groups[1].Value);
        var token = url.AbsolutePath["/calendar/".Length..^".ics".Length];
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length >= 16);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var feed = await db.CalendarFeeds.SingleAsync(f => f.UserId == member.Id);
            Assert.NotEqual(token, feed.TokenHash);
            Assert.Equal(CalendarFeeds.Hash(token), feed.TokenHash);
        }

        using var anonymous = app.Factory.CreateFormClient();
        var response = await anonymous.GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = Ics.Read(await response.Content.ReadAsStringAsync());
        var events = ics.Components.Where(c => c.Name == "VEVENT").ToDictionary(c => c.Properties["UID"].Value);
        Assert.Equal(2, events.Count);
        Assert.Equal("CONFIRMED", events[SessionCalendar.Uid(yes.Id)].Properties["STATUS"].Value);
        Assert.Equal("CANCELLED", events[SessionCalendar.Uid(maybe.Id)].Properties["STATUS"].Value);
        Assert.Contains(ics.Components, c => c.Name == "VTIMEZONE");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/" + token[..^2] + "xx.ics")).StatusCode);

        await client.PostFormAsync("/sessions", "/calendar/feed/revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.AbsolutePath)).StatusCode);

        // A new address works; the old one stays dead.
        var again = new Uri(FeedUrl().Match(await (await client.PostFormAsync("/sessions", "/calendar/feed")).Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.NotEqual(url, again);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(again.AbsolutePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.AbsolutePath)).StatusCode);
    }

    [Theory]
    // Thursday before Vienna moves to summer time (UTC+1): 18:00 there is 17:00 UTC.
    [InlineData("2027-03-25T18:00", "America/Montevideo", 2027, 3, 25, 14)]
    [InlineData("2027-03-25T18:00", "Asia/Seoul", 2027, 3, 26, 2)]
    // Monday after (UTC+2): 18:00 there is 16:00 UTC, an hour earlier where clocks did not change.
    [InlineData("2027-03-29T18:00", "America/Montevideo", 2027, 3, 29, 13)]
    [InlineData("2027-03-29T18:00", "Asia/Seoul", 2027, 3, 30, 1)]
    public async Task A_session_set_in_Vienna_the_week_the_clocks_change_shows_the_right_time_to_viewers_elsewhere(string viennaStart, string viewerZone,
        int year, int month, int day, int hour)
    {
        var m = app.Municipality.Id;
        var tag = $"{viennaStart[8..10]}{viewerZone[..4]}".ToLowerInvariant();
        var coordinator = await app.Factory.CreateUserAsync($"dst-coord-{tag}@example.org", Roles.Coordinator, m);
        var viewer = await app.Factory.CreateUserAsync($"dst-viewer-{tag}@example.org", Roles.Learner, m, timeZone: viewerZone);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: $"DST {tag}", timeZone: "Europe/Vienna");
        await app.Factory.AddMemberAsync(cohort.Id, viewer.Id);
        using var coord = app.Factory.CreateFormClient();
        await coord.SignInAsync(coordinator.Email!);
        var created = await coord.PostFormAsync("/sessions/new", "/sessions/new", SessionFields(cohort.Id, $"DST session {tag}", viennaStart));
        var id = SessionIdInUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value;

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync(viewer.Email!);
        var page = await client.GetPageAsync($"/sessions/{id}");

        var culture = CultureInfo.GetCultureInfo("en");
        var expectedViewer = new DateTime(year, month, day, hour, 0, 0).ToString("g", culture);
        var expectedHost = DateTime.ParseExact(viennaStart, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture).ToString("g", culture);
        Assert.Contains($"<dd id=\"viewer-time\">{expectedViewer} ({viewerZone})</dd>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"host-time\">{expectedHost} (Europe/Vienna)</dd>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facilitators_record_attendance_and_outcomes_rendered_without_script_and_the_roster_counts_it()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("rec-coord@example.org", Roles.Coordinator, m);
        var facilitator = await app.Factory.CreateUserAsync("rec-fac@example.org", Roles.Learner, m);
        var present = await app.Factory.CreateUserAsync("rec-present@example.org", Roles.Learner, m, displayName: "Present Person");
        var absent = await app.Factory.CreateUserAsync("rec-absent@example.org", Roles.Learner, m, displayName: "Absent Person");
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Recording cohort");
        await app.Factory.AddMemberAsync(cohort.Id, present.Id);
        await app.Factory.AddMemberAsync(cohort.Id, absent.Id);
        var future = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], facilitatorIds: [facilitator.Id], title: "Not yet");
        var held = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], startUtc: DateTimeOffset.UtcNow.AddDays(-1),
            facilitatorIds: [facilitator.Id], title: "Held session");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("rec-fac@example.org");

        var early = await client.PostFormAsync($"/sessions/{future.Id}/record", $"/sessions/{future.Id}/record", ("Form.Attended", present.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Attendance can be recorded once the session has started.", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var form = await client.GetPageAsync($"/sessions/{held.Id}/record");
        Assert.Contains("Present Person", form, StringComparison.Ordinal);
        Assert.Contains("Absent Person", form, StringComparison.Ordinal);
        var saved = await client.PostFormAsync($"/sessions/{held.Id}/record", $"/sessions/{held.Id}/record",
            ("Form.Attended", present.Id.ToString()),
            ("Form.Outcomes", "We agreed on **three** steps.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(2)>"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await client.GetPageAsync($"/sessions/{held.Id}");
        var outcomes = OutcomesSection().Match(page).Groups[1].Value;
        Assert.Contains("<strong>three</strong>", outcomes, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", outcomes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", outcomes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]*onerror", outcomes);
        Assert.DoesNotContain("<img", outcomes, StringComparison.OrdinalIgnoreCase);

        await using var db = app.Factory.Database.CreateDbContext();
        var rows = await db.SessionAttendances.Where(a => a.SessionId == held.Id).ToDictionaryAsync(a => a.UserId);
        Assert.True(rows[present.Id].Attended);
        Assert.False(rows[absent.Id].Attended);
        Assert.Equal(facilitator.Id, rows[present.Id].RecordedById);
        Assert.False(await db.SessionAttendances.AnyAsync(a => a.SessionId == future.Id));

        using var coord = app.Factory.CreateFormClient();
        await coord.SignInAsync("rec-coord@example.org");
        var roster = WebUtility.HtmlDecode(await coord.GetPageAsync($"/cohorts/{cohort.Id}/roster"));
        Assert.Matches(new Regex("Present Person</th>(?:(?!</tr>).)*<td>1 of 1</td>", RegexOptions.Singleline), roster);
        Assert.Matches(new Regex("Absent Person</th>(?:(?!</tr>).)*<td>0 of 1</td>", RegexOptions.Singleline), roster);
    }

    [Fact]
    public async Task The_dashboard_shows_the_learners_next_sessions_but_not_declined_or_cancelled_ones()
    {
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("dash-coord@example.org", Roles.Coordinator, m);
        var member = await app.Factory.CreateUserAsync("dash-member@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Dashboard cohort");
        await app.Factory.AddMemberAsync(cohort.Id, member.Id);
        await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Dash next");
        var declined = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Dash declined");
        var cancelled = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], title: "Dash cancelled");
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            await db.ExchangeSessions.Where(s => s.Id == cancelled.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CancelledUtc, DateTimeOffset.UtcNow));
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("dash-member@example.org");
        await Answer(client, declined.Id, "No");
        var page = await client.GetPageAsync("/dashboard");
        Assert.Contains("Dash next", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dash declined", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dash cancelled", page, StringComparison.Ordinal);
    }

    internal static IEnumerable<KeyValuePair<string, string>> SessionFields(Guid cohortId, string title, string start) =>
    [
        new("Form.Title", title), new("Form.CohortIds", cohortId.ToString()), new("Form.Start", start), new("Form.TimeZone", "Europe/Vienna"),
        new("Form.DurationMinutes", "90"), new("Form.MeetingUrl", "https://meet.example.org/room"), new("Form.Capacity", "20"),
        new("Form.Agenda", "Bring **one** example."),
    ];

    private static Task<HttpResponseMessage> Answer(FormClient client, Guid sessionId, string answer) =>
        client.PostFormAsync($"/sessions/{sessionId}", $"/sessions/{sessionId}/rsvp", ("answer", answer));

    private sealed class RecordingReminders : ISessionReminders
    {
        public List<Guid> Calls { get; } = [];

        public Task SessionChangedAsync(Guid sessionId, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(sessionId);
            }

            return Task.CompletedTask;
        }
    }

    [GeneratedRegex("^/sessions/([0-9a-f-]{36})")]
    private static partial Regex SessionIdInUrl();

    [GeneratedRegex("name=\"Form.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("<div class=\"prose\" id=\"outcomes\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex OutcomesSection();
}
