using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Learner digests (daily, or weekly on Mondays) gather the person's waiting <see cref="DigestItem"/>s into one mail;
/// coordinators get a weekly summary of their live cohorts on Mondays. Sent from 07:00 to 21:00 in the recipient's
/// zone. Keys name the person and the period (<c>digest:{user}:{day or week}</c>), and the items are marked with
/// that key in the same transaction as the mail, so a re-run sends nothing twice and no item goes in two digests.
/// </summary>
public sealed class SendDigests(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site, TimeProvider clock,
    IEnumerable<ICoordinatorDigestSection> sections)
{
    public static string LearnerKey(Guid userId, string period) => $"digest:{userId}:{period}";

    public static string CoordinatorKey(Guid userId, string isoWeek) => $"coordinator-digest:{userId}:{isoWeek}";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await SendLearnerDigestsAsync(cancellationToken) + await SendCoordinatorDigestsAsync(cancellationToken);

    public async Task<int> SendLearnerDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.DigestItems.AsNoTracking().Where(i => i.DigestKey == null).Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var userId in waiting)
        {
            var preferences = await notifier.PreferencesAsync(userId, cancellationToken);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
            var to = Recipient.Of(user);
            if (!preferences.Receives(MailCategory.Digests) || QuietHours.IsQuiet(now, to.TimeZone))
            {
                continue;
            }

            // Someone who went back to single mails gets what was waiting in the next daily digest.
            var weekly = preferences.Digest == DigestMode.Weekly;
            if (weekly && MailPeriods.Local(now, to.TimeZone).DayOfWeek != DayOfWeek.Monday)
            {
                continue;
            }

            var key = LearnerKey(userId, weekly ? MailPeriods.IsoWeek(now, to.TimeZone) : MailPeriods.Day(now, to.TimeZone));
            if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claims the items: a second run waits on these rows, then finds none left.
            var items = await db.DigestItems.FromSql($"""
                UPDATE "DigestItems" SET "DigestKey" = {key}
                WHERE "UserId" = {userId} AND "DigestKey" IS NULL AND "CreatedUtc" <= {now}
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                continue;
            }

            using (new CultureScope(to.Language))
            {
                var content = new MailContent(
                    t[weekly ? "Mail.Digest.WeeklySubject" : "Mail.Digest.DailySubject", items.Count].Value,
                    [t["Mail.Digest.Body", to.Name].Value],
                    t["Mail.Digest.Action"].Value, site.Link("dashboard"),
                    [.. items.OrderBy(i => i.CreatedUtc).Select(i => new MailLine(i.Title, i.Url, i.Text))]);
                await notifier.SendListMailAsync(to, MailCategory.Digests, key, content, null, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    public async Task<int> SendCoordinatorDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = (await db.Cohorts.AsNoTracking().Where(c => c.Stage != CohortStage.Archived && c.Stage != CohortStage.Closed).ToListAsync(cancellationToken))
            .Where(c => CohortCalendar.StageOn(c, CohortCalendar.Today(now, c.TimeZone)) is CohortStage.EnrolmentOpen or CohortStage.Running)
            .ToDictionary(c => c.Id);
        var ids = live.Keys.ToList();
        var staff = await db.CohortStaff.AsNoTracking()
            .Where(s => ids.Contains(s.CohortId) && s.Role == CohortStaffRole.Coordinator)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var group in staff.GroupBy(s => s.UserId))
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == group.Key, cancellationToken);
            var to = Recipient.Of(user);
            if (QuietHours.IsQuiet(now, to.TimeZone) || MailPeriods.Local(now, to.TimeZone).DayOfWeek != DayOfWeek.Monday)
            {
                continue;
            }

            var key = CoordinatorKey(user.Id, MailPeriods.IsoWeek(now, to.TimeZone));
            if (!(await notifier.PreferencesAsync(user.Id, cancellationToken)).Receives(MailCategory.Digests)
                || await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken))
            {
                continue;
            }

            using var _ = new CultureScope(to.Language);
            var lines = new List<MailLine>();
            foreach (var cohort in group.Select(s => live[s.CohortId]).OrderBy(c => c.StartsOn))
            {
                lines.Add(await ProgressLineAsync(cohort, now, cancellationToken));
                foreach (var section in sections)
                {
                    lines.AddRange(await section.LinesAsync(cohort, to, now, cancellationToken));
                }
            }

            var content = new MailContent(t["Mail.CoordinatorDigest.Subject"].Value, [t["Mail.CoordinatorDigest.Body", to.Name].Value],
                t["Mail.CoordinatorDigest.Action"].Value, site.Link("cohorts"), lines);
            await notifier.SendListMailAsync(to, MailCategory.Digests, key, content, null, cancellationToken);
            sent++;
        }

        return sent;
    }

    private async Task<MailLine> ProgressLineAsync(Cohort cohort, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var idleSince = now - SendInactivityNudges.Inactivity;
        var members = await db.CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Active)
            .Select(m => new
            {
                Completed = db.Enrolments.Any(e => e.UserId == m.UserId && e.CourseId == cohort.CourseId && e.CompletedUtc != null),
                Idle = db.Enrolments.Any(e => e.UserId == m.UserId && e.CourseId == cohort.CourseId && e.CompletedUtc == null && e.LastActivityUtc <= idleSince),
            })
            .ToListAsync(cancellationToken);
        var waitlisted = await db.CohortMembers.CountAsync(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Waitlisted, cancellationToken);
        return new MailLine(cohort.Title, site.Link($"cohorts/{cohort.Id}/roster"),
            t["Mail.CoordinatorDigest.Progress", members.Count, members.Count(m => m.Completed), members.Count(m => m.Idle), waitlisted].Value);
    }
}

/// <summary>More lines about a cohort in the coordinator's weekly digest (e.g. its upcoming sessions).</summary>
public interface ICoordinatorDigestSection
{
    Task<IReadOnlyList<MailLine>> LinesAsync(Cohort cohort, Recipient recipient, DateTimeOffset nowUtc, CancellationToken cancellationToken);
}
