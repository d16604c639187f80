using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// A nudge to a member of a running cohort who has done nothing in its course for 7 days. At most one a week per
/// learner, whatever the number of cohorts: the key names the learner's ISO week (a re-run in the same week writes
/// nothing), and none is written within 7 days of the last one (so Sunday and Monday cannot both get one).
/// </summary>
public sealed class SendInactivityNudges(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site, TimeProvider clock)
{
    public static readonly TimeSpan Inactivity = TimeSpan.FromDays(7);

    private const string KeyPrefix = "nudge:";

    public static string Key(Guid userId, string isoWeek) => $"{KeyPrefix}{userId}:{isoWeek}";

    private static Guid? UserOf(string key) =>
        key.Split(':') is [_, var id, _] && Guid.TryParse(id, out var userId) ? userId : null;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var quietSince = now - Inactivity;
        var running = (await db.Cohorts.AsNoTracking().Where(c => c.Stage != CohortStage.Archived && c.Stage != CohortStage.Closed).ToListAsync(cancellationToken))
            .Where(c => CohortCalendar.StageOn(c, CohortCalendar.Today(now, c.TimeZone)) == CohortStage.Running)
            .ToDictionary(c => c.Id);
        var ids = running.Keys.ToList();
        var idle = await db.CohortMembers.AsNoTracking()
            .Where(m => ids.Contains(m.CohortId) && m.Status == CohortMemberStatus.Active && m.JoinedUtc <= quietSince)
            .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { m.UserId, m.CohortId, c.CourseId })
            .Where(x => db.Enrolments.Any(e => e.UserId == x.UserId && e.CourseId == x.CourseId && e.CompletedUtc == null && e.LastActivityUtc <= quietSince))
            .OrderBy(x => x.CohortId)
            .ToListAsync(cancellationToken);
        // Everything the loop needs, read once: with hundreds of running cohorts a query or three per idle learner
        // made this hourly job tens of thousands of round trips.
        var idleIds = idle.Select(x => x.UserId).Distinct().ToList();
        var recentlyNudged = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.IdempotencyKey.StartsWith(KeyPrefix) && m.CreatedUtc > quietSince).Select(m => m.IdempotencyKey)
                .ToListAsync(cancellationToken))
            .Concat(await db.DigestItems.AsNoTracking()
                .Where(i => i.Key.StartsWith(KeyPrefix) && i.CreatedUtc > quietSince).Select(i => i.Key)
                .ToListAsync(cancellationToken))
            .Select(UserOf)
            .OfType<Guid>()
            .ToHashSet();
        var users = await db.Users.AsNoTracking().Where(u => idleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var written = 0;
        foreach (var group in idle.GroupBy(x => x.UserId))
        {
            if (recentlyNudged.Contains(group.Key) || !users.TryGetValue(group.Key, out var user))
            {
                continue;
            }

            var to = Recipient.Of(user);
            if (QuietHours.IsQuiet(now, to.TimeZone))
            {
                continue;
            }

            var cohort = running[group.First().CohortId];
            using var _ = new CultureScope(to.Language);
            var content = new MailContent(
                t["Mail.Nudge.Subject", cohort.Title].Value,
                [t["Mail.Nudge.Body", to.Name, cohort.Title].Value],
                t["Mail.Nudge.Action"].Value, site.Link($"my-cohorts/{cohort.Id}"));
            if (await notifier.NotifyAsync(to, MailCategory.Nudges, Key(user.Id, MailPeriods.IsoWeek(now, to.TimeZone)), content, cancellationToken)
                is Notifier.Outcome.Mailed or Notifier.Outcome.Gathered)
            {
                written++;
            }
        }

        return written;
    }
}
