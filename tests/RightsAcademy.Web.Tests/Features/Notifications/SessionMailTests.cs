using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.BackgroundJobs;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Notifications;

public sealed class SessionMailTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    private const string Paris = "Europe/Paris";
    private const string NewYork = "America/New_York";
    private const string Tokyo = "Asia/Tokyo";

    [Fact]
    public async Task Invitations_changes_and_reminders_follow_the_sessions_current_time_in_each_persons_zone_and_language()
    {
        var day = NotificationFixture.NextMonday().AddDays(2);
        var host = await app.Factory.CreateUserAsync("host@example.org", Roles.Coordinator, app.Municipality.Id);
        var yes = await app.Factory.CreateUserAsync("s-yes@example.org", Roles.Learner, app.Municipality.Id, "fr", NewYork, "Yves");
        var maybe = await app.Factory.CreateUserAsync("s-maybe@example.org", Roles.Learner, app.Municipality.Id, "en", Tokyo, "Mai");
        var no = await app.Factory.CreateUserAsync("s-no@example.org", Roles.Learner, app.Municipality.Id);
        var waiting = await app.Factory.CreateUserAsync("s-wait@example.org", Roles.Learner, app.Municipality.Id);
        app.Clock.Now = NotificationFixture.At(day.AddDays(-3), 10, 0, Paris);
        var session = new ExchangeSession
        {
            Title = "Housing rights exchange",
            AgendaMarkdown = "Agenda",
            AgendaHtml = "<p>Agenda</p>",
            OpenToAllStaff = true,
            StartUtc = NotificationFixture.At(day, 18, 0, Paris),
            HostTimeZone = Paris,
            Duration = TimeSpan.FromMinutes(90),
            MeetingUrl = "https://meet.example.org/housing",
            Capacity = 2,
            CreatedUtc = app.Clock.Now,
            CreatedById = host.Id,
            UpdatedUtc = app.Clock.Now,
        };
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            db.ExchangeSessions.Add(session);
            foreach (var (user, answer) in new[] { (yes, RsvpAnswer.Yes), (maybe, RsvpAnswer.Maybe), (no, RsvpAnswer.No), (waiting, RsvpAnswer.Waitlisted) })
            {
                db.SessionRsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = user.Id, Answer = answer, AnsweredUtc = app.Clock.Now, UpdatedUtc = app.Clock.Now });
            }

            await db.SaveChangesAsync();
        }

        // Invitations, with the calendar entry, to yes and maybe only; a second run sends none.
        Assert.Equal(new SendSessionMails.Report(2, 0), await RunAsync());
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync());
        await app.DeliverAsync();
        var invitation = Assert.Single(app.Sink.To("s-yes@example.org"));
        Assert.StartsWith("Votre place", invitation.Message.Subject, StringComparison.Ordinal);
        var ics = Assert.Single(invitation.Message.Attachments.OfType<MimeKit.MimePart>(), a => (a.FileName ?? "").EndsWith(".ics", StringComparison.Ordinal));
        var icsText = Text(ics);
        Assert.Contains($"UID:{SessionCalendar.Uid(session.Id)}", icsText, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", icsText, StringComparison.Ordinal);
        Assert.Null(invitation.Message.Headers["List-Unsubscribe"]);
        Assert.Single(app.Sink.To("s-maybe@example.org"));
        Assert.Empty(app.Sink.To("s-no@example.org"));
        Assert.Empty(app.Sink.To("s-wait@example.org"));

        // 24 h before: New York (12:00 there) gets it now; Tokyo (02:00 there) at 07:00 Tokyo, still before the session.
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync(session.StartUtc.AddHours(-24).AddMinutes(-1)));
        Assert.Equal(new SendSessionMails.Report(0, 1), await RunAsync(session.StartUtc.AddHours(-24)));
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync(session.StartUtc.AddHours(-24).AddMinutes(1)));
        var tokyoMorning = NotificationFixture.At(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartUtc.AddHours(-24), TimeZoneInfo.FindSystemTimeZoneById(Tokyo)).DateTime), 7, 0, Tokyo);
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync(tokyoMorning.AddMinutes(-1)));
        Assert.Equal(new SendSessionMails.Report(0, 1), await RunAsync(tokyoMorning));
        await app.DeliverAsync();
        await app.DeliverAsync();
        var reminder = Assert.Single(app.Sink.To("s-yes@example.org"), m => m.Message.Subject!.StartsWith("Demain", StringComparison.Ordinal));
        var newYorkTime = TimeZoneInfo.ConvertTime(session.StartUtc, TimeZoneInfo.FindSystemTimeZoneById(NewYork)).ToString("g", CultureInfo.GetCultureInfo("fr"));
        Assert.Contains($"{newYorkTime} ({NewYork})", reminder.Message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(reminder.Message.Headers["List-Unsubscribe"]);
        Assert.Single(app.Sink.To("s-maybe@example.org"), m => m.Message.Subject == "Tomorrow: Housing rights exchange");

        // Rescheduled a day later: the change goes out with SEQUENCE 1; the old 1 h reminder never comes.
        var oldStart = session.StartUtc;
        var newStart = oldStart.AddDays(1);
        await ChangeAsync(session.Id, s => { s.StartUtc = newStart; s.Sequence = 1; });
        await ChangeAsync(session.Id, _ => { }); // a retried call changes nothing
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync(oldStart.AddHours(-1)));
        Assert.Equal(new SendSessionMails.Report(0, 1), await RunAsync(newStart.AddHours(-24))); // New York; Tokyo is asleep
        await app.DeliverAsync();
        var changed = Assert.Single(app.Sink.To("s-yes@example.org"), m => m.Message.Subject!.StartsWith("Modifiée", StringComparison.Ordinal));
        Assert.Contains("SEQUENCE:1", Text(changed.Message.Attachments.OfType<MimeKit.MimePart>().Single()), StringComparison.Ordinal);
        var newYorkNew = TimeZoneInfo.ConvertTime(newStart, TimeZoneInfo.FindSystemTimeZoneById(NewYork)).ToString("g", CultureInfo.GetCultureInfo("fr"));
        Assert.Contains(newYorkNew, changed.Message.TextBody, StringComparison.Ordinal);
        var reminders = await app.MailsWithKeyPrefixAsync($"session-reminder:{session.Id}:{yes.Id}:");
        Assert.Equal(
            new[] { SendSessionMails.ReminderKey(session.Id, yes.Id, "24h", oldStart), SendSessionMails.ReminderKey(session.Id, yes.Id, "24h", newStart) }.Order(StringComparer.Ordinal),
            reminders.Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal));

        // Cancelled: a cancellation with METHOD:CANCEL, and no reminder any more.
        await ChangeAsync(session.Id, s => { s.CancelledUtc = app.Clock.Now; s.Sequence = 2; });
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync(newStart.AddHours(-1)));
        await app.DeliverAsync();
        var cancelled = Assert.Single(app.Sink.To("s-maybe@example.org"), m => m.Message.Subject == "Cancelled: Housing rights exchange");
        var cancelIcs = Text(cancelled.Message.Attachments.OfType<MimeKit.MimePart>().Single());
        Assert.Contains("METHOD:CANCEL", cancelIcs, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", cancelIcs, StringComparison.Ordinal);
        Assert.Empty(app.Sink.To("s-no@example.org"));
        Assert.Empty(await app.MailsWithKeyPrefixAsync($"session-reminder:{session.Id}:{yes.Id}:1h"));

        // Every mail the outbox holds for this session arrived exactly once.
        foreach (var mail in await app.MailsWithKeyPrefixAsync("session-"))
        {
            Assert.Single(app.Sink.Received, r => r.Message.MessageId == mail.MessageId);
        }
    }

    private async Task<SendSessionMails.Report> RunAsync(DateTimeOffset? at = null)
    {
        if (at is { } now)
        {
            app.Clock.Now = now;
        }

        return await app.RunAsync(services => services.GetRequiredService<SendSessionMails>().RunAsync(CancellationToken.None));
    }

    /// <summary>What Sessions does on reschedule or cancel: commit the change, then tell the seam.</summary>
    private async Task ChangeAsync(Guid sessionId, Action<ExchangeSession> change)
    {
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var session = await db.ExchangeSessions.SingleAsync(s => s.Id == sessionId);
            change(session);
            await db.SaveChangesAsync();
        }

        await app.RunAsync(async services =>
        {
            await services.GetRequiredService<ISessionReminders>().SessionChangedAsync(sessionId, CancellationToken.None);
            return 0;
        });
    }

    private static string Text(MimeKit.MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>The same mail through the Sessions pages: an answer on the page, a cancel by the coordinator (the seam).</summary>
public sealed class SessionMailThroughPagesTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    [Fact]
    public async Task An_answer_on_the_page_brings_the_invitation_and_cancelling_on_the_page_brings_the_cancellation()
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("pages-coord@example.org", Roles.Coordinator, m);
        var member = await app.Factory.CreateUserAsync("pages-member@example.org", Roles.Learner, m, "es", "America/Bogota");
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Pages cohort");
        await app.AddMemberAsync(cohort.Id, member.Id);
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], startUtc: app.Clock.Now.AddDays(5), title: "Pages session");

        using var learner = app.CreateFormClient();
        await learner.SignInAsync("pages-member@example.org");
        var answered = await learner.PostFormAsync($"/sessions/{session.Id}", $"/sessions/{session.Id}/rsvp", ("answer", "Yes"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(new SendSessionMails.Report(1, 0), await app.RunAsync(s => s.GetRequiredService<SendSessionMails>().RunAsync(CancellationToken.None)));

        using var coord = app.CreateFormClient();
        await coord.SignInAsync("pages-coord@example.org");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await coord.PostFormAsync($"/sessions/{session.Id}", $"/sessions/{session.Id}/cancel")).StatusCode);

        var cancelled = await app.MailAsync(SessionMails.CancelledKey(session.Id, member.Id, 1));
        Assert.Equal("es", cancelled.Language);
        Assert.StartsWith("Cancelada", cancelled.Subject, StringComparison.Ordinal);
        Assert.Equal(new SendSessionMails.Report(0, 0), await app.RunAsync(s => s.GetRequiredService<SendSessionMails>().RunAsync(CancellationToken.None)));
        await app.DeliverAsync();
        Assert.Equal(2, app.Sink.To("pages-member@example.org").Count(r => (r.Message.Subject ?? "").Contains("Pages session", StringComparison.Ordinal)));
    }
}

/// <summary>Runs that overlap: the minutely schedule starts a new run while a long catch-up is still writing.</summary>
public sealed class SessionMailOverlapTests(NotificationFixture app) : IClassFixture<NotificationFixture>
{
    [Fact]
    public async Task A_run_that_starts_while_another_holds_the_job_steps_aside_and_the_next_one_sends_what_is_due()
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var m = app.Municipality.Id;
        var coordinator = await app.Factory.CreateUserAsync("overlap-coord@example.org", Roles.Coordinator, m);
        var member = await app.Factory.CreateUserAsync("overlap-member@example.org", Roles.Learner, m);
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [], startUtc: app.Clock.Now.AddDays(5), title: "Overlap session");
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            db.SessionRsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = member.Id, Answer = RsvpAnswer.Yes, AnsweredUtc = app.Clock.Now, UpdatedUtc = app.Clock.Now });
            await db.SaveChangesAsync();
        }

        // The long run, on another node: its own connection holds the job.
        await using (var elsewhere = app.Factory.Database.CreateDbContext())
        {
            await using var longRun = await ExclusiveRun.TryEnterAsync(elsewhere, RecurringJobs.SessionMails, CancellationToken.None);
            Assert.NotNull(longRun);

            Assert.Equal(new SendSessionMails.Report(0, 0, SteppedAside: true), await RunAsync());
            await using var check = app.Factory.Database.CreateDbContext();
            Assert.False(await check.OutboxMessages.AnyAsync(o => o.IdempotencyKey == SessionMails.InvitationKey(session.Id, member.Id)));
        }

        // The long run has ended (its hold let go): the next run is the one that sends, and it let go too.
        Assert.Equal(new SendSessionMails.Report(1, 0), await RunAsync());
        Assert.Equal(new SendSessionMails.Report(0, 0), await RunAsync());
    }

    [Fact]
    public async Task A_node_that_dies_mid_run_does_not_keep_the_job_from_the_others()
    {
        await using var elsewhere = app.Factory.Database.CreateDbContext();
        var held = await ExclusiveRun.TryEnterAsync(elsewhere, RecurringJobs.SessionMails, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Equal(new SendSessionMails.Report(0, 0, SteppedAside: true), await RunAsync());

        // The node's connection drops without a word (no unlock): PostgreSQL frees the lock with the session. The
        // timeout makes the call wait until the backend has gone.
        await using (var admin = app.Factory.Database.CreateDbContext())
        {
            var pid = await ProcessIdAsync(elsewhere);
            await admin.Database.ExecuteSqlAsync($"select pg_terminate_backend({pid}, 10000)");
        }

        Assert.False((await RunAsync()).SteppedAside);
    }

    private static async Task<int> ProcessIdAsync(Web.Infrastructure.Data.AppDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "select pg_backend_pid()";
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private Task<SendSessionMails.Report> RunAsync() =>
        app.RunAsync(services => services.GetRequiredService<SendSessionMails>().RunAsync(CancellationToken.None));
}
