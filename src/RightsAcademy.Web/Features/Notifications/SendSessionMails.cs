using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.BackgroundJobs;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Every minute: invitations for new yes/maybe answers, and the 24 h and 1 h reminders that are due, all derived
/// from the sessions' current state. A reminder's key holds the start it was computed from
/// (<c>session-reminder:{session}:{user}:24h:{yyyyMMddHHmm}</c>): a moved session gets new reminders for its new
/// time and can never produce one for its old time, a cancelled one gets none, and a re-run sends nothing twice.
/// A run that starts while another is still writing (a catch-up of thousands of invitations) steps aside.
/// </summary>
public sealed partial class SendSessionMails(AppDbContext db, SessionMails mails, TimeProvider clock, ILogger<SendSessionMails> logger)
{
    public static readonly IReadOnlyList<(string Kind, TimeSpan Before)> Reminders = [("24h", TimeSpan.FromHours(24)), ("1h", TimeSpan.FromHours(1))];

    public static string ReminderKey(Guid sessionId, Guid userId, string kind, DateTimeOffset startUtc) =>
        $"session-reminder:{sessionId}:{userId}:{kind}:{startUtc.UtcDateTime:yyyyMMddHHmm}";

    public sealed record Report(int Invitations, int Reminders, bool SteppedAside = false);

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        await using var run = await ExclusiveRun.TryEnterAsync(db, RecurringJobs.SessionMails, cancellationToken);
        if (run is null)
        {
            LogSteppedAside();
            return new Report(0, 0, SteppedAside: true);
        }

        return await SendDueAsync(cancellationToken);
    }

    private async Task<Report> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One query for every yes/maybe answer to an upcoming session, and one per table for the keys already written:
        // this runs every minute, and a due reminder stays due until the session starts, so re-deciding each answer
        // (preferences, rendering, an insert that conflicts) would repeat for hours.
        var answers = await (
            from rsvp in db.SessionRsvps.AsNoTracking()
            where SessionMails.Attending.Contains(rsvp.Answer)
            join session in db.ExchangeSessions.AsNoTracking() on rsvp.SessionId equals session.Id
            where session.CancelledUtc == null && session.StartUtc > now
            join user in db.Users.AsNoTracking() on rsvp.UserId equals user.Id
            select new { Session = session, Rsvp = rsvp, User = user }).ToListAsync(cancellationToken);

        var planned = answers.Select(a => (a.Session, a.User,
            Invitation: SessionMails.InvitationKey(a.Session.Id, a.User.Id),
            Reminder: DueReminder(a.Session, a.Rsvp, a.User.TimeZone, now) is { } kind
                ? (Kind: kind, Key: ReminderKey(a.Session.Id, a.User.Id, kind, a.Session.StartUtc))
                : ((string Kind, string Key)?)null)).ToList();
        var candidates = planned.Select(p => p.Invitation).Concat(planned.Where(p => p.Reminder is not null).Select(p => p.Reminder!.Value.Key)).ToList();
        var written = (await db.OutboxMessages.Where(m => candidates.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .Concat(await db.DigestItems.Where(i => candidates.Contains(i.Key)).Select(i => i.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var invitations = 0;
        var reminders = 0;
        foreach (var (session, user, invitation, reminder) in planned)
        {
            if (!written.Contains(invitation))
            {
                await mails.SendInvitationAsync(session, user, cancellationToken);
                invitations++;
            }

            if (reminder is { } due && !written.Contains(due.Key)
                && await mails.SendReminderAsync(session, user, due.Kind, due.Key, cancellationToken) is Notifier.Outcome.Mailed or Notifier.Outcome.Gathered)
            {
                reminders++;
            }
        }

        return new Report(invitations, reminders);
    }

    /// <summary>
    /// The latest reminder whose (quiet-hours adjusted) time has come: only one, so a person who answers late, or a
    /// run after an outage, never gets the 24 h reminder after or beside the 1 h one. A reminder that fell due
    /// before the person answered is skipped: they have just had the invitation.
    /// </summary>
    private static string? DueReminder(ExchangeSession session, SessionRsvp rsvp, string timeZone, DateTimeOffset now)
    {
        string? due = null;
        foreach (var (kind, before) in Reminders)
        {
            var at = QuietHours.SendAt(session.StartUtc - before, session.StartUtc, timeZone);
            if (at <= now && rsvp.UpdatedUtc <= at)
            {
                due = kind;
            }
            else if (at <= now)
            {
                due = null;
            }
        }

        return due;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session mails: another run is still writing; this one steps aside")]
    private partial void LogSteppedAside();
}
