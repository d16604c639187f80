using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Tests.Features.Notifications;

public sealed class DigestTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    private const string Zone = "Europe/Lisbon";

    [Fact]
    public async Task Digests_gather_non_urgent_items_once_and_respect_the_daily_or_weekly_choice()
    {
        var start = NotificationFixture.NextMonday();
        var (cohort, _) = await app.CohortAsync("Digest cohort", start, Zone, dueDay: 9);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            // A second module opens on day 7: cohort news.
            var second = await db.Modules.Where(m => m.CourseId == cohort.CourseId).OrderBy(m => m.Position).Select(m => m.Id).Skip(1).FirstAsync();
            db.CohortPacing.Add(new CohortPace { CohortId = cohort.Id, ModuleId = second, ReleaseOffsetDays = 7, DueOffsetDays = 20 });
            await db.SaveChangesAsync();
        }

        var daily = await app.Factory.CreateUserAsync("daily@example.org", Roles.Learner, app.Municipality.Id, "en", Zone);
        var weekly = await app.Factory.CreateUserAsync("weekly@example.org", Roles.Learner, app.Municipality.Id, "en", Zone);
        var single = await app.Factory.CreateUserAsync("single@example.org", Roles.Learner, app.Municipality.Id, "en", Zone);
        await app.SetPreferencesAsync(daily.Id, MailCategory.None, DigestMode.Daily);
        await app.SetPreferencesAsync(weekly.Id, MailCategory.None, DigestMode.Weekly);
        app.Clock.Now = NotificationFixture.At(start, 9, 0, Zone);
        foreach (var user in new[] { daily, weekly, single })
        {
            await app.AddMemberAsync(cohort.Id, user.Id);
        }

        await RunLifecycleAsync(NotificationFixture.At(start, 9, 5, Zone));
        // Day 7, Monday: the module opens (news); day 8, Tuesday: a week idle (nudge) and two days before a due date.
        await RunLifecycleAsync(NotificationFixture.At(start.AddDays(7), 0, 30, Zone));
        app.Clock.Now = NotificationFixture.At(start.AddDays(8), 10, 0, Zone);
        await app.RunJobAsync<SendInactivityNudges>(j => j.RunAsync(CancellationToken.None));
        await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None));

        // Single mails for the one who chose them; items for the others. Due-soon waits for a daily digest, never a weekly one.
        Assert.Equal(3, (await app.MailsToAsync("single@example.org")).Count(m => !m.IdempotencyKey.StartsWith("cohort-welcome", StringComparison.Ordinal)));
        Assert.Single(await app.MailsToAsync("daily@example.org"));
        Assert.Equal(3, (await app.DigestItemsAsync(daily.Id)).Count);
        Assert.Single(await app.MailsToAsync("weekly@example.org"), m => m.IdempotencyKey.StartsWith("due-soon", StringComparison.Ordinal));
        Assert.Equal(2, (await app.DigestItemsAsync(weekly.Id)).Count);

        // Day 8 at 22:00 is quiet; day 9 at 07:30 the daily digest goes, once. The weekly one waits for Monday.
        Assert.Equal(0, await DigestsAt(start.AddDays(8), 22));
        Assert.Equal(1, await DigestsAt(start.AddDays(9), 7, 30));
        Assert.Equal(0, await DigestsAt(start.AddDays(9), 8));
        var digest = await app.MailAsync(SendDigests.LearnerKey(daily.Id, start.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Your daily digest: 3 new", digest.Subject);
        Assert.Contains("Now open:", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("We miss you in Digest cohort", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Due soon:", digest.TextBody, StringComparison.Ordinal);
        Assert.NotNull(digest.UnsubscribeUrl);
        Assert.All(await app.DigestItemsAsync(daily.Id), i => Assert.Equal(digest.IdempotencyKey, i.DigestKey));
        Assert.All(await app.DigestItemsAsync(weekly.Id), i => Assert.Null(i.DigestKey));

        Assert.Equal(0, await DigestsAt(start.AddDays(13), 12));   // Sunday
        Assert.Equal(1, await DigestsAt(start.AddDays(14), 7, 5)); // Monday
        Assert.Equal(0, await DigestsAt(start.AddDays(14), 9));
        var weeklyDigest = Assert.Single(await app.MailsWithKeyPrefixAsync($"digest:{weekly.Id}:"));
        Assert.Equal("Your weekly digest: 2 new", weeklyDigest.Subject);

        await app.DeliverAsync();
        await app.DeliverAsync();
        Assert.Single(app.Sink.To("daily@example.org"), m => m.Message.Subject == "Your daily digest: 3 new");
        Assert.Single(app.Sink.To("weekly@example.org"), m => m.Message.Subject == "Your weekly digest: 2 new");
    }

    [Fact]
    public async Task Coordinators_get_one_weekly_summary_of_their_live_cohorts_on_monday()
    {
        var start = NotificationFixture.NextMonday(4);
        var (cohort, _) = await app.CohortAsync("Summary cohort", start, Zone);
        var learner = await app.Factory.CreateUserAsync("summary-learner@example.org", Roles.Learner, app.Municipality.Id, "en", Zone);
        app.Clock.Now = NotificationFixture.At(start, 9, 0, Zone);
        await app.AddMemberAsync(cohort.Id, learner.Id);
        var coordinator = await CoordinatorAsync(cohort.Id);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            // A session of this cohort in the coming week (one yes), and a cancelled one that is left out.
            var creator = await db.CohortStaff.Where(s => s.CohortId == cohort.Id).Select(s => s.UserId).SingleAsync();
            foreach (var (title, cancelled) in new[] { ("Peer exchange on housing", false), ("Cancelled exchange", true) })
            {
                var session = new ExchangeSession
                {
                    Title = title, AgendaMarkdown = "A", AgendaHtml = "<p>A</p>", HostTimeZone = Zone, Duration = TimeSpan.FromHours(1), Capacity = 10,
                    StartUtc = NotificationFixture.At(start.AddDays(16), 15, 0, Zone), CreatedById = creator,
                    CancelledUtc = cancelled ? DateTimeOffset.UtcNow : null,
                    Cohorts = [new ExchangeSessionCohort { CohortId = cohort.Id }],
                };
                db.ExchangeSessions.Add(session);
                db.SessionRsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = learner.Id, Answer = RsvpAnswer.Yes });
            }

            await db.SaveChangesAsync();
        }

        app.Clock.Now = NotificationFixture.At(start.AddDays(8), 10, 0, Zone); // Tuesday
        Assert.Equal(0, await app.RunJobAsync<SendDigests>(j => j.SendCoordinatorDigestsAsync(CancellationToken.None)));
        // Monday 06:30 in Paris, the coordinator's zone (05:30 in the cohort's): still quiet there.
        app.Clock.Now = NotificationFixture.At(start.AddDays(14), 6, 30, "Europe/Paris");
        Assert.Equal(0, await app.RunJobAsync<SendDigests>(j => j.SendCoordinatorDigestsAsync(CancellationToken.None)));
        app.Clock.Now = NotificationFixture.At(start.AddDays(14), 8, 0, Zone);
        Assert.Equal(1, await app.RunJobAsync<SendDigests>(j => j.SendCoordinatorDigestsAsync(CancellationToken.None)));
        app.Clock.Now = NotificationFixture.At(start.AddDays(14), 9, 0, Zone);
        Assert.Equal(0, await app.RunJobAsync<SendDigests>(j => j.SendCoordinatorDigestsAsync(CancellationToken.None)));

        var mail = Assert.Single(await app.MailsToAsync(coordinator));
        Assert.Equal("Your cohorts this week", mail.Subject);
        Assert.Contains("Summary cohort", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 members, 0 finished the course, 1 inactive for a week, 0 on the waitlist", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.UnsubscribeUrl);
        var sessionTime = TimeZoneInfo.ConvertTime(NotificationFixture.At(start.AddDays(16), 15, 0, Zone), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"Peer exchange on housing: {sessionTime} (Europe/Paris): 1 yes, 0 maybe, 0 waiting", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled exchange", mail.TextBody, StringComparison.Ordinal);
    }

    private async Task<int> DigestsAt(DateOnly day, int hour, int minute = 0)
    {
        app.Clock.Now = NotificationFixture.At(day, hour, minute, Zone);
        return await app.RunJobAsync<SendDigests>(j => j.SendLearnerDigestsAsync(CancellationToken.None));
    }

    private async Task RunLifecycleAsync(DateTimeOffset at)
    {
        app.Clock.Now = at;
        await app.RunJobAsync<RunCohortLifecycle>(j => j.RunAsync(CancellationToken.None));
    }

    private async Task<string> CoordinatorAsync(Guid cohortId)
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.CohortStaff.Where(s => s.CohortId == cohortId).Select(s => s.UserId).SingleAsync();
        return (await db.Users.SingleAsync(u => u.Id == id)).Email!;
    }
}
