using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// A cohort as a member sees it: the plan with release and due instants (shown in the member's zone by the view),
/// and the other members with name and municipality; an address only for members who chose to share it.
/// </summary>
public static class ShowMyCohort
{
    public sealed record PlanRow(string ModuleTitle, DateTimeOffset? ReleaseUtc, DateTimeOffset? DueUtc);

    public sealed record Peer(string Name, string Municipality, string? Email);

    public sealed record View(Guid Id, string Title, string CourseSlug, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn, string TimeZone,
        CohortMemberStatus Status, bool SharesEmail, IReadOnlyList<PlanRow> Plan, IReadOnlyList<Peer> Members);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> HandleAsync(Guid cohortId, Guid userId, string language, CancellationToken cancellationToken)
        {
            var me = await db.CohortMembers.AsNoTracking()
                .SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId && m.Status != CohortMemberStatus.Left, cancellationToken);
            if (me is null)
            {
                return null;
            }

            var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Pacing).SingleAsync(c => c.Id == cohortId, cancellationToken);
            var course = await db.Courses.Where(c => c.Id == cohort.CourseId)
                .Select(c => new { c.Slug, Title = c.Texts.OrderBy(t => t.Language == language ? 0 : t.Language == c.DefaultLanguage ? 1 : 2).Select(t => t.Title).FirstOrDefault() })
                .SingleAsync(cancellationToken);
            var modules = await SetPacing.ModulesAsync(db, cohort.CourseId, language, cancellationToken);
            var plan = modules.Select(m => cohort.Pacing.Find(p => p.ModuleId == m.Id && p.LessonId == null) is { } pace
                    ? new PlanRow(m.Title, CohortCalendar.ReleaseUtc(cohort, pace), CohortCalendar.DueUtc(cohort, pace))
                    : new PlanRow(m.Title, null, null))
                .ToList();
            var peers = await db.CohortMembers.Where(m => m.CohortId == cohortId && m.Status == CohortMemberStatus.Active)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
                .OrderBy(x => x.u.Municipality!.Name).ThenBy(x => x.u.DisplayName)
                .Select(x => new Peer(x.u.DisplayName, x.u.Municipality!.Name, x.m.ShareEmail ? x.u.Email : null))
                .ToListAsync(cancellationToken);
            return new View(cohort.Id, cohort.Title, course.Slug, course.Title ?? course.Slug, cohort.StartsOn, cohort.EndsOn, cohort.TimeZone,
                me.Status, me.ShareEmail, plan, me.Status == CohortMemberStatus.Active ? peers : []);
        }
    }
}
