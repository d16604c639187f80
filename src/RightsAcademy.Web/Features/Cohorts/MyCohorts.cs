using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// A learner's cohorts (member or waitlisted) and the open cohorts of their municipality they could join. Nobody
/// sees a cohort they do not belong to, except an open one offered to their municipality.
/// </summary>
public static class MyCohorts
{
    public sealed record Row(Guid Id, string Title, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn, CohortMemberStatus? Status);

    public sealed record View(IReadOnlyList<Row> Mine, IReadOnlyList<Row> Joinable);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<View> HandleAsync(Guid userId, string language, CancellationToken cancellationToken)
        {
            var mine = await MineAsync(userId, language, cancellationToken);
            var municipalityId = await db.Users.Where(u => u.Id == userId).Select(u => u.MunicipalityId).SingleAsync(cancellationToken);
            var candidates = await db.Cohorts
                .Where(c => c.Mode == CohortEnrolmentMode.Open && c.Municipalities.Any(m => m.MunicipalityId == municipalityId)
                    && !c.Members.Any(m => m.UserId == userId && m.Status != CohortMemberStatus.Left)
                    && (c.Stage == CohortStage.Planned || c.Stage == CohortStage.EnrolmentOpen || c.Stage == CohortStage.Running))
                .OrderBy(c => c.StartsOn)
                .Select(c => new
                {
                    Cohort = c,
                    CourseTitle = db.CourseTexts.Where(t => t.CourseId == c.CourseId)
                        .OrderBy(t => t.Language == language ? 0 : db.Courses.Any(k => k.Id == c.CourseId && k.DefaultLanguage == t.Language) ? 1 : 2)
                        .Select(t => t.Title).FirstOrDefault() ?? "",
                })
                .ToListAsync(cancellationToken);
            // The stage column lags the dates until the lifecycle job runs; the dates decide.
            var now = clock.GetUtcNow();
            var joinable = candidates.Where(x => CohortCalendar.AcceptsMembers(x.Cohort, CohortCalendar.Today(now, x.Cohort.TimeZone)))
                .Select(x => new Row(x.Cohort.Id, x.Cohort.Title, x.CourseTitle, x.Cohort.StartsOn, x.Cohort.EndsOn, null))
                .ToList();
            return new View(mine, joinable);
        }

        /// <summary>Only the learner's own cohorts, in one query: what the dashboard shows.</summary>
        public async Task<IReadOnlyList<Row>> MineAsync(Guid userId, string language, CancellationToken cancellationToken)
        {
            var rows = new List<Row>();
            await foreach (var row in Mine(db, userId, language).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        }

        // Compiled once: the dashboard runs it on every visit.
        private static readonly Func<AppDbContext, Guid, string, IAsyncEnumerable<Row>> Mine = EF.CompileAsyncQuery<AppDbContext, Guid, string, Row>(
            (AppDbContext db, Guid userId, string language) => db.CohortMembers.Where(m => m.UserId == userId && m.Status != CohortMemberStatus.Left)
                .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { m.Status, Cohort = c })
                .Where(x => x.Cohort.Stage != CohortStage.Archived)
                .OrderBy(x => x.Cohort.StartsOn)
                .Select(x => new Row(x.Cohort.Id, x.Cohort.Title,
                    // The learner's language, else the course's default, as on every other page.
                    db.CourseTexts.Where(t => t.CourseId == x.Cohort.CourseId)
                        .OrderBy(t => t.Language == language ? 0 : db.Courses.Any(k => k.Id == x.Cohort.CourseId && k.DefaultLanguage == t.Language) ? 1 : 2)
                        .Select(t => t.Title).FirstOrDefault() ?? "",
                    x.Cohort.StartsOn, x.Cohort.EndsOn, x.Status)));
    }
}
