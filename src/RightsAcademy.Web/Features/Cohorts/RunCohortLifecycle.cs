using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Moves every live cohort along its dates: enrolment opens, it starts, modules are released and fall due, it
/// closes and is archived. Everything is derived from the dates and the clock, and each step is recorded once as a
/// <see cref="CohortMilestone"/>: running the job twice, or late, changes nothing more. When a module opens after
/// the first day, members get cohort news (<see cref="CohortNews"/>), written in the transaction that records the
/// milestone, so the news exists exactly when the milestone does.
/// </summary>
public sealed class RunCohortLifecycle(AppDbContext db, TimeProvider clock, CohortNews? news = null)
{
    public const string EnrolmentOpened = "enrolment-opened";
    public const string Started = "started";
    public const string Closed = "closed";
    public const string Archived = "archived";

    public static string Released(Guid paceId) => $"released:{paceId}";

    public static string Due(Guid paceId) => $"due:{paceId}";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.Include(c => c.Pacing).Where(c => c.Stage != CohortStage.Archived).ToListAsync(cancellationToken);
        var ids = cohorts.Select(c => c.Id).ToList();
        var reached = (await db.CohortMilestones.Where(m => ids.Contains(m.CohortId)).Select(m => new { m.CohortId, m.Key }).ToListAsync(cancellationToken))
            .Select(m => (m.CohortId, m.Key)).ToHashSet();
        var added = 0;
        var released = new List<(Cohort Cohort, CohortPace Pace)>();
        foreach (var cohort in cohorts)
        {
            var today = CohortCalendar.Today(now, cohort.TimeZone);
            cohort.Stage = CohortCalendar.StageOn(cohort, today);
            foreach (var key in Due(cohort, today).Where(k => !reached.Contains((cohort.Id, k))))
            {
                db.CohortMilestones.Add(new CohortMilestone { CohortId = cohort.Id, Key = key, ReachedUtc = now });
                added++;
                // Modules open on the first day are in the welcome mail; a module that opens later is news, unless
                // the job first sees it long after (a cohort created late): no news about last month.
                if (cohort.Pacing.FirstOrDefault(p => Released(p.Id) == key) is { ReleaseOffsetDays: > 0 } pace
                    && now - CohortCalendar.ReleaseUtc(cohort, pace) < TimeSpan.FromDays(2))
                {
                    released.Add((cohort, pace));
                }
            }
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (cohort, pace) in released)
            {
                if (news is not null)
                {
                    await news.ModuleOpenedAsync(cohort, pace, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run recorded the same milestones first (Hangfire may run a job twice at once): theirs stand.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added;
    }

    private static IEnumerable<string> Due(Cohort cohort, DateOnly today)
    {
        if (today >= cohort.EnrolmentOpensOn) yield return EnrolmentOpened;
        if (today >= cohort.StartsOn) yield return Started;
        foreach (var pace in cohort.Pacing)
        {
            if (today >= CohortCalendar.ReleaseDay(cohort, pace)) yield return Released(pace.Id);
            if (CohortCalendar.DueDay(cohort, pace) is { } due && today > due) yield return Due(pace.Id);
        }

        if (today > cohort.EndsOn) yield return Closed;
        if (CohortCalendar.StageOn(cohort, today) == CohortStage.Archived) yield return Archived;
    }
}
