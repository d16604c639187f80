using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Notifications;

public sealed class DueSoonAndNudgeTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    private const string Martinique = "America/Martinique";

    [Fact]
    public async Task Due_soon_arrives_once_two_days_ahead_in_the_learners_language_and_zone_after_their_quiet_hours()
    {
        var start = NotificationFixture.NextMonday();
        var (cohort, module) = await app.CohortAsync("Counter skills", start, "Europe/Paris", dueDay: 6);
        app.Clock.Now = NotificationFixture.At(start, 9, 0, "Europe/Paris");
        var learner = await app.Factory.CreateUserAsync("due-fr@example.org", Roles.Learner, app.Municipality.Id, "fr", Martinique, "Léa");
        var done = await app.Factory.CreateUserAsync("due-done@example.org", Roles.Learner, app.Municipality.Id, "en", Martinique);
        await app.AddMemberAsync(cohort.Id, learner.Id);
        await app.AddMemberAsync(cohort.Id, done.Id);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var lessons = await db.Lessons.Where(l => l.ModuleId == module && l.Required).Select(l => l.Id).ToListAsync();
            db.LessonCompletions.AddRange(lessons.Select(l => new LessonCompletion { UserId = done.Id, LessonId = l, CompletedUtc = app.Clock.Now }));
            await db.SaveChangesAsync();
        }

        var pace = await PaceAsync(cohort.Id);
        var key = SendDueSoonMails.Key(cohort.Id, pace, learner.Id);
        var due = NotificationFixture.At(start.AddDays(7), 0, 0, "Europe/Paris");

        // Three days before: too early.
        app.Clock.Now = due.AddDays(-3);
        Assert.Equal(0, await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None)));
        // Two days before, but 03:00 in Martinique: the learner's quiet hours, and the due date is after them.
        app.Clock.Now = NotificationFixture.At(start.AddDays(5), 3, 0, Martinique);
        Assert.True(app.Clock.Now >= due.AddDays(-2));
        Assert.Equal(0, await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None)));
        Assert.Null(await app.MailOrDefaultAsync(key));

        app.Clock.Now = NotificationFixture.At(start.AddDays(5), 7, 30, Martinique);
        Assert.Equal(1, await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None)));
        app.Clock.Now = app.Clock.Now.AddHours(1);
        await app.RunJobAsync<SendDueSoonMails>(j => j.RunAsync(CancellationToken.None));
        Assert.Empty(await app.MailsWithKeyPrefixAsync(SendDueSoonMails.Key(cohort.Id, pace, done.Id)));

        await app.DeliverAsync();
        await app.DeliverAsync();
        var messageId = (await app.MailAsync(key)).MessageId;
        var received = Assert.Single(app.Sink.To("due-fr@example.org"), m => m.Message.MessageId == messageId);
        var french = CultureInfo.GetCultureInfo("fr");
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(Martinique)).ToString("g", french);
        Assert.StartsWith("Échéance proche", received.Message.Subject, StringComparison.Ordinal);
        Assert.Contains($"{local} ({Martinique})", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{local} ({Martinique})", NotificationFixture.Decode(received.Message.HtmlBody), StringComparison.Ordinal);
        Assert.Equal("fr", (await app.MailAsync(key)).Language);
        Assert.NotNull(received.Message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task An_idle_member_gets_at_most_one_nudge_a_week_never_in_quiet_hours()
    {
        var start = NotificationFixture.NextMonday();
        var (cohort, _) = await app.CohortAsync("Idle cohort", start, "Europe/Paris");
        var learner = await app.Factory.CreateUserAsync("idle@example.org", Roles.Learner, app.Municipality.Id, "es", "Europe/Madrid", "Inés");
        var active = await app.Factory.CreateUserAsync("busy@example.org", Roles.Learner, app.Municipality.Id, "en", "Europe/Madrid");
        app.Clock.Now = NotificationFixture.At(start, 10, 0, "Europe/Madrid");
        await app.AddMemberAsync(cohort.Id, learner.Id);
        await app.AddMemberAsync(cohort.Id, active.Id);

        async Task<List<OutboxMessage>> NudgesAt(DateOnly day, int hour, bool busyIsActive = true)
        {
            app.Clock.Now = NotificationFixture.At(day, hour, 0, "Europe/Madrid");
            if (busyIsActive)
            {
                await using var db = app.Factory.Database.CreateDbContext();
                await db.Enrolments.Where(e => e.UserId == active.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityUtc, app.Clock.Now.AddDays(-1)));
            }

            await app.RunJobAsync<SendInactivityNudges>(j => j.RunAsync(CancellationToken.None));
            return await app.MailsWithKeyPrefixAsync($"nudge:{learner.Id}:");
        }

        Assert.Empty(await NudgesAt(start.AddDays(7), 9));          // 6 days 23 hours without activity
        Assert.Empty(await NudgesAt(start.AddDays(7), 23));         // 7 days, but 23:00 in Madrid
        Assert.Single(await NudgesAt(start.AddDays(8), 8));         // Tuesday 08:00
        Assert.Single(await NudgesAt(start.AddDays(8), 9));         // the same week: nothing more
        Assert.Single(await NudgesAt(start.AddDays(14), 7));        // a new ISO week, but less than 7 days since the last
        var nudges = await NudgesAt(start.AddDays(15), 9);          // 7 days after the first
        Assert.Equal(2, nudges.Count);
        Assert.Empty(await app.MailsWithKeyPrefixAsync($"nudge:{active.Id}:"));
        Assert.All(nudges, n => Assert.Equal("es", n.Language));
        Assert.Contains("Idle cohort", nudges[0].Subject, StringComparison.Ordinal);
    }

    private async Task<Guid> PaceAsync(Guid cohortId)
    {
        await using var db = app.Factory.Database.CreateDbContext();
        return await db.CohortPacing.Where(p => p.CohortId == cohortId).Select(p => p.Id).SingleAsync();
    }
}
