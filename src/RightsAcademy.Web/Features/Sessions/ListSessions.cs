using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// The sessions a person may see, upcoming first (or past ones, newest first), with their own answer. One query.
/// </summary>
public static class ListSessions
{
    public sealed record Row(Guid Id, string Title, DateTimeOffset StartUtc, string HostTimeZone, bool Cancelled, RsvpAnswer? MyAnswer);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public const int PageSize = 50;

        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, bool past, CancellationToken cancellationToken)
        {
            var userId = user.UserId();
            var now = clock.GetUtcNow();
            var visible = db.VisibleSessions(user).AsNoTracking();
            // A session stays under "upcoming" until it has ended, so people find the link while it runs.
            visible = past
                ? visible.Where(s => s.StartUtc + s.Duration < now).OrderByDescending(s => s.StartUtc)
                : visible.Where(s => s.StartUtc + s.Duration >= now).OrderBy(s => s.StartUtc);
            return await visible.Take(PageSize)
                .Select(s => new Row(s.Id, s.Title, s.StartUtc, s.HostTimeZone, s.CancelledUtc != null,
                    db.SessionRsvps.Where(r => r.SessionId == s.Id && r.UserId == userId).Select(r => (RsvpAnswer?)r.Answer).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        }

        /// <summary>For the dashboard: the next few sessions not cancelled and not answered "no".</summary>
        public async Task<IReadOnlyList<Row>> NextAsync(ClaimsPrincipal user, int count, CancellationToken cancellationToken)
        {
            var userId = user.UserId();
            var now = clock.GetUtcNow();
            return await db.VisibleSessions(user).AsNoTracking()
                .Where(s => s.StartUtc + s.Duration >= now && s.CancelledUtc == null
                    && !db.SessionRsvps.Any(r => r.SessionId == s.Id && r.UserId == userId && r.Answer == RsvpAnswer.No))
                .OrderBy(s => s.StartUtc).Take(count)
                .Select(s => new Row(s.Id, s.Title, s.StartUtc, s.HostTimeZone, false,
                    db.SessionRsvps.Where(r => r.SessionId == s.Id && r.UserId == userId).Select(r => (RsvpAnswer?)r.Answer).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        }
    }
}
