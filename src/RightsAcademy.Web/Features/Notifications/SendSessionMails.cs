using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Every minute: invitations for new yes/maybe answers, and the 24 h and 1 h reminders that are due, all derived
/// from the sessions' current state. A reminder's key holds the start it was computed from
/// (<c>session-reminder:{session}:{user}:24h:{yyyyMMddHHmm}</c>): a moved session gets new reminders for its new
/// time and can never produce one for its old time, a cancelled one gets none, and a re-run sends nothing twice.
/// </summary>
public sealed class SendSessionMails(AppDbContext db, SessionMails mails, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Kind, TimeSpan Before)> Reminders = [("24h", TimeSpan.FromHours(24)), ("1h", TimeSpan.FromHours(1))];

    public static string ReminderKey(Guid sessionId, Guid userId, string kind, DateTimeOffset startUtc) =>
        $"session-reminder:{sessionId}:{userId}:{kind}:{startUtc.UtcDateTime:yyyyMMddHHmm}";

    public sealed record Report(int Invitations, int Reminders);

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var upcoming = await db.ExchangeSessions.AsNoTracking().Where(s => s.CancelledUtc == null && s.StartUtc > now).ToListAsync(cancellationToken);
        var invitations = 0;
        var reminders = 0;
        foreach (var session in upcoming)
        {
            var prefix = $"session-invitation:{session.Id}:";
            var invited = (await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith(prefix)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var answers = await db.SessionRsvps.AsNoTracking().Where(r => r.SessionId == session.Id && SessionMails.Attending.Contains(r.Answer))
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { Rsvp = r, User = u }).ToListAsync(cancellationToken);
            foreach (var answer in answers)
            {
                if (!invited.Contains(SessionMails.InvitationKey(session.Id, answer.User.Id)))
                {
                    await mails.SendInvitationAsync(session, answer.User, cancellationToken);
                    invitations++;
                }

                if (DueReminder(session, answer.Rsvp, answer.User.TimeZone, now) is { } kind)
                {
                    var key = ReminderKey(session.Id, answer.User.Id, kind, session.StartUtc);
                    if (await mails.SendReminderAsync(session, answer.User, kind, key, cancellationToken) is Notifier.Outcome.Mailed or Notifier.Outcome.Gathered)
                    {
                        reminders++;
                    }
                }
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
}
