using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Mail about peer-exchange sessions, for the people who answered yes or maybe. Invitations (with the .ics) and
/// changes or cancellations (with the updated .ics, key naming the SEQUENCE) are essential; reminders are a
/// category the person can stop. The Sessions feature calls <see cref="SessionChangedAsync"/> after a reschedule or
/// cancellation commits; invitations and reminders are derived by <see cref="SendSessionMails"/> from the current
/// answers and start, so nothing depends on a call that could be lost.
/// </summary>
public sealed class SessionMails(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site)
    : ISessionReminders
{
    public static readonly IReadOnlyList<RsvpAnswer> Attending = [RsvpAnswer.Yes, RsvpAnswer.Maybe];

    public static string InvitationKey(Guid sessionId, Guid userId) => $"session-invitation:{sessionId}:{userId}";

    public static string ChangedKey(Guid sessionId, Guid userId, int sequence) => $"session-changed:{sessionId}:{userId}:{sequence}";

    public static string CancelledKey(Guid sessionId, Guid userId, int sequence) => $"session-cancelled:{sessionId}:{userId}:{sequence}";

    public async Task SessionChangedAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.ExchangeSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return;
        }

        foreach (var user in await AttendeesAsync(sessionId, cancellationToken))
        {
            var to = Recipient.Of(user);
            using var _ = new CultureScope(to.Language);
            var content = session.IsCancelled
                ? new MailContent(t["Mail.SessionCancelled.Subject", session.Title].Value,
                    [t["Mail.SessionCancelled.Body", to.Name, session.Title, to.Format(session.StartUtc)].Value])
                : new MailContent(t["Mail.SessionChanged.Subject", session.Title].Value,
                    [t["Mail.SessionChanged.Body", to.Name, session.Title].Value, When(session, to)],
                    t["Mail.Session.Action"].Value, site.Link($"sessions/{session.Id}"), Details(session));
            var key = session.IsCancelled ? CancelledKey(session.Id, user.Id, session.Sequence) : ChangedKey(session.Id, user.Id, session.Sequence);
            await notifier.SendEssentialAsync(to, key, content, [Ics(session)], cancellationToken);
        }
    }

    /// <summary>The invitation with the calendar entry, once per person and session, whatever they answer later.</summary>
    public async Task SendInvitationAsync(ExchangeSession session, AppUser user, CancellationToken cancellationToken)
    {
        var to = Recipient.Of(user);
        using var _ = new CultureScope(to.Language);
        var content = new MailContent(t["Mail.SessionInvitation.Subject", session.Title].Value,
            [t["Mail.SessionInvitation.Body", to.Name, session.Title].Value, When(session, to), t["Mail.SessionInvitation.Calendar"].Value],
            t["Mail.Session.Action"].Value, site.Link($"sessions/{session.Id}"), Details(session));
        await notifier.SendEssentialAsync(to, InvitationKey(session.Id, user.Id), content, [Ics(session)], cancellationToken);
    }

    public async Task<Notifier.Outcome> SendReminderAsync(ExchangeSession session, AppUser user, string kind, string key, CancellationToken cancellationToken)
    {
        var to = Recipient.Of(user);
        using var _ = new CultureScope(to.Language);
        var content = new MailContent(t[$"Mail.SessionReminder.Subject{kind}", session.Title].Value,
            [t["Mail.SessionReminder.Body", to.Name, session.Title].Value, When(session, to)],
            t["Mail.Session.Action"].Value, site.Link($"sessions/{session.Id}"), Details(session));
        return await notifier.NotifyAsync(to, MailCategory.SessionReminders, key, content, cancellationToken);
    }

    public async Task<List<AppUser>> AttendeesAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.SessionRsvps.AsNoTracking().Where(r => r.SessionId == sessionId && Attending.Contains(r.Answer))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u).ToListAsync(cancellationToken);

    /// <summary>The start in the recipient's zone, and in the host's when it differs.</summary>
    private string When(ExchangeSession session, Recipient to)
    {
        var local = to.Format(session.StartUtc);
        return to.TimeZone == session.HostTimeZone
            ? t["Mail.Session.When", local, (int)session.Duration.TotalMinutes].Value
            : t["Mail.Session.WhenWithHost", local, (int)session.Duration.TotalMinutes,
                new Recipient(to.UserId, to.Email, to.Name, to.Language, session.HostTimeZone).Format(session.StartUtc)].Value;
    }

    private List<MailLine> Details(ExchangeSession session)
    {
        var lines = new List<MailLine>();
        if (session.MeetingUrl is { } url)
        {
            lines.Add(new MailLine(t["Mail.Session.Online"].Value, url));
        }

        if (!string.IsNullOrWhiteSpace(session.Venue))
        {
            lines.Add(new MailLine(t["Mail.Session.Venue"].Value, null, session.Venue));
        }

        return lines;
    }

    private MailAttachment Ics(ExchangeSession session)
    {
        // The same entry as the session page's download and the personal feed, so calendars see one event.
        var ics = SessionCalendar.Write([SessionEntries.For(session, site.Base.AbsoluteUri.TrimEnd('/'))], cancellation: session.IsCancelled);
        var method = session.IsCancelled ? "CANCEL" : "PUBLISH";
        return new MailAttachment($"session-{session.Id:N}.ics", $"text/calendar; charset=utf-8; method={method}", Encoding.UTF8.GetBytes(ics));
    }
}
