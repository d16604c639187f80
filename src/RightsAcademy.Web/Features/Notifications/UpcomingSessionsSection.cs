using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>The coordinator digest's lines about a cohort's sessions in the coming week, with their answers so far.</summary>
public sealed class UpcomingSessionsSection(AppDbContext db, IStringLocalizer<SharedResource> t, SiteAddress site) : ICoordinatorDigestSection
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<MailLine>> LinesAsync(Cohort cohort, Recipient recipient, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var until = nowUtc + Ahead;
        var sessions = await db.ExchangeSessions.AsNoTracking()
            .Where(s => s.CancelledUtc == null && s.StartUtc > nowUtc && s.StartUtc <= until && s.Cohorts.Any(c => c.CohortId == cohort.Id))
            .OrderBy(s => s.StartUtc)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.StartUtc,
                Yes = db.SessionRsvps.Count(r => r.SessionId == s.Id && r.Answer == RsvpAnswer.Yes),
                Maybe = db.SessionRsvps.Count(r => r.SessionId == s.Id && r.Answer == RsvpAnswer.Maybe),
                Waiting = db.SessionRsvps.Count(r => r.SessionId == s.Id && r.Answer == RsvpAnswer.Waitlisted),
            })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new MailLine(s.Title, site.Link($"sessions/{s.Id}"),
            t["Mail.CoordinatorDigest.Session", recipient.Format(s.StartUtc), s.Yes, s.Maybe, s.Waiting].Value))];
    }
}
