using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Notifications;

public sealed class UnsubscribeAndPreferencesTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    [Fact]
    public async Task One_click_unsubscribe_works_without_signing_in_and_stops_only_that_category()
    {
        var start = NotificationFixture.NextMonday();
        var (cohort, _) = await app.CohortAsync("Unsubscribe cohort", start, "Europe/Paris", dueDay: 9);
        app.Clock.Now = NotificationFixture.At(start, 10, 0, "Europe/Paris");
        var learner = await app.Factory.CreateUserAsync("unsub@example.org", Roles.Learner, app.Municipality.Id);
        var other = await app.Factory.CreateUserAsync("unsub-other@example.org", Roles.Learner, app.Municipality.Id);
        await app.AddMemberAsync(cohort.Id, learner.Id);
        await app.AddMemberAsync(cohort.Id, other.Id);

        // A week without activity: both are nudged.
        app.Clock.Now = NotificationFixture.At(start.AddDays(7), 11, 0, "Europe/Paris");
        await app.RunJobAsync<SendInactivityNudges>(j => j.RunAsync(CancellationToken.None));
        await app.DeliverAsync();
        var nudge = Assert.Single(app.Sink.To("unsub@example.org"), m => (m.Message.Subject ?? "").StartsWith("We miss you", StringComparison.Ordinal));
        var path = NotificationFixture.UnsubscribePath(nudge);
        Assert.StartsWith("/unsubscribe/", path, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", nudge.Message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(path, nudge.Message.TextBody, StringComparison.Ordinal);
        // The welcome is essential: no way to unsubscribe from it.
        var welcome = Assert.Single(app.Sink.To("unsub@example.org"), m => (m.Message.Subject ?? "").StartsWith("Welcome", StringComparison.Ordinal));
        Assert.Null(welcome.Message.Headers["List-Unsubscribe"]);

        using var anonymous = app.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        // GET (what a mail scanner does) only shows a button.
        var page = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = NotificationFixture.Decode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Stop “Reminders when you have not been active”", html, StringComparison.Ordinal);
        Assert.Null(await app.PreferencesAsync(learner.Id));

        // A changed token does nothing.
        var tampered = await anonymous.PostAsync(new Uri(path[..^2] + (path[^2] == 'A' ? "BB" : "AA"), UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Null(await app.PreferencesAsync(learner.Id));

        // The mailbox provider's one-click POST: no cookie, no antiforgery token.
        var post = await anonymous.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(MailCategory.Nudges, (await app.PreferencesAsync(learner.Id))!.Stopped);
        Assert.Null(await app.PreferencesAsync(other.Id));
        // Twice is fine.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]))).StatusCode);

        // A week later: no nudge for them, but due-soon (another category) still comes; the other member is nudged.
        app.Clock.Now = NotificationFixture.At(start.AddDays(15), 11, 0, "Europe/Paris");
        await app.RunJobAsync<SendInactivityNudges>(j => j.RunAsync(CancellationToken.None));
        app.Clock.Now = NotificationFixture.At(start.AddDays(8), 11, 0, "Europe/Paris");
        Assert.Equal(2, await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None)));
        Assert.Single(await app.MailsWithKeyPrefixAsync($"nudge:{learner.Id}:"));
        Assert.Equal(2, (await app.MailsWithKeyPrefixAsync($"nudge:{other.Id}:")).Count);
        Assert.Single(await app.MailsWithKeyPrefixAsync($"due-soon:{cohort.Id}:"), m => m.ToAddress == "unsub@example.org");
    }

    [Fact]
    public async Task The_profile_sets_categories_and_digest_choice_for_the_signed_in_person_only()
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var learner = await app.Factory.CreateUserAsync("prefs@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.CreateFormClient();
        await client.SignInAsync("prefs@example.org");

        var profile = await client.GetPageAsync("/account/profile");
        Assert.True(IsChecked(profile, "Nudges"));
        Assert.True(IsChecked(profile, "EachMail"));
        Assert.False(IsChecked(profile, "Weekly"));

        var saved = await client.PostFormAsync("/account/profile", "/account/mail",
            ("receive", "SessionReminders"), ("receive", "DueSoon"), ("digest", "Weekly"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preferences = await app.PreferencesAsync(learner.Id);
        Assert.Equal(MailCategory.Nudges | MailCategory.CohortNews | MailCategory.Digests, preferences!.Stopped);
        Assert.Equal(DigestMode.Weekly, preferences.Digest);
        profile = await client.GetPageAsync("/account/profile?mailSaved=true");
        Assert.False(IsChecked(profile, "Nudges"));
        Assert.True(IsChecked(profile, "DueSoon"));
        Assert.True(IsChecked(profile, "Weekly"));

        // The profile form keeps its antiforgery check, and signed-out visitors are sent to sign in.
        var forged = await client.Http.PostAsync(new Uri("/account/mail", UriKind.Relative), new FormUrlEncodedContent([new("digest", "Daily")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var anonymous = app.CreateFormClient();
        var refused = await anonymous.Http.GetAsync(new Uri("/account/profile", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(DigestMode.Weekly, (await app.PreferencesAsync(learner.Id))!.Digest);
    }

    private static bool IsChecked(string html, string value)
    {
        var input = System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*value=\"{value}\"[^>]*>");
        Assert.True(input.Success, $"No input with value {value}");
        return input.Value.Contains("checked", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_lists_the_schedule_in_the_members_zone_and_a_name_cannot_add_a_header()
    {
        var start = NotificationFixture.NextMonday(3);
        var (cohort, _) = await app.CohortAsync("Welcome cohort", start, "Europe/Vienna", dueDay: 6);
        app.Clock.Now = NotificationFixture.At(start.AddDays(-3), 10, 0, "Europe/Vienna");
        var learner = await app.Factory.CreateUserAsync("welcome@example.org", Roles.Learner, app.Municipality.Id, "ar", "Asia/Seoul",
            "Eve\r\nBcc: victim@example.org\r\nX-Injected: yes");
        Assert.Equal(CohortSeats.Outcome.Joined, await app.AddMemberAsync(cohort.Id, learner.Id));
        Assert.Equal(CohortSeats.Outcome.AlreadyMember, await app.AddMemberAsync(cohort.Id, learner.Id));

        await app.DeliverAsync();
        var mail = Assert.Single(app.Sink.To("welcome@example.org"));
        Assert.Equal(["welcome@example.org"], mail.Recipients);
        Assert.DoesNotContain(mail.HeaderLines, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(mail.Message.Bcc);
        Assert.Contains("Welcome cohort", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("مرحبًا", mail.Message.Subject, StringComparison.Ordinal);
        // Opens at midnight in Vienna: 07:00 or 08:00 in Seoul, written in Arabic conventions with the zone named.
        var opens = TimeZoneInfo.ConvertTime(CohortCalendar.StartOfDayUtc(start, "Europe/Vienna"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"))
            .ToString("g", System.Globalization.CultureInfo.GetCultureInfo("ar"));
        Assert.Contains($"{opens} (Asia/Seoul)", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", mail.Message.HtmlBody, StringComparison.Ordinal);
    }
}
