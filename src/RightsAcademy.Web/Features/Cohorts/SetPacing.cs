using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// The cohort's plan per module: released N days after the start, due M days after it (both optional). Stored as
/// offsets, so the plan follows the start date and survives a copy. Lesson-level rows (LessonId set) are read by
/// the schedule but not edited here yet.
/// </summary>
public static class SetPacing
{
    public sealed record Row(Guid ModuleId, int? ReleaseOffsetDays, int? DueOffsetDays);

    public sealed record ModulePlan(Guid ModuleId, string Title, int? ReleaseOffsetDays, int? DueOffsetDays);

    public enum Outcome { Saved, NotFound, Invalid }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<ModulePlan>?> LoadAsync(Guid cohortId, ClaimsPrincipal user, string language, CancellationToken cancellationToken)
        {
            var cohort = await db.Manageable(user).Where(c => c.Id == cohortId).Select(c => new { c.CourseId }).SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return null;
            }

            var paces = await db.CohortPacing.Where(p => p.CohortId == cohortId && p.LessonId == null).ToListAsync(cancellationToken);
            var modules = await ModulesAsync(db, cohort.CourseId, language, cancellationToken);
            return [.. modules.Select(m => paces.Find(p => p.ModuleId == m.Id) is { } p
                ? new ModulePlan(m.Id, m.Title, p.ReleaseOffsetDays, p.DueOffsetDays)
                : new ModulePlan(m.Id, m.Title, null, null))];
        }

        public async Task<Outcome> HandleAsync(Guid cohortId, IReadOnlyList<Row> rows, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var cohort = await db.Manageable(user).Where(c => c.Id == cohortId).Select(c => new { c.CourseId }).SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return Outcome.NotFound;
            }

            var moduleIds = await db.Modules.Where(m => m.CourseId == cohort.CourseId).Select(m => m.Id).ToListAsync(cancellationToken);
            if (rows.Any(r => !moduleIds.Contains(r.ModuleId) || r.ReleaseOffsetDays is < -365 or > 3650
                || r.DueOffsetDays is < -365 or > 3650 || (r.DueOffsetDays is { } due && due < (r.ReleaseOffsetDays ?? 0))))
            {
                return Outcome.Invalid;
            }

            var paces = await db.CohortPacing.Where(p => p.CohortId == cohortId && p.LessonId == null).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var pace = paces.Find(p => p.ModuleId == row.ModuleId);
                if (row.ReleaseOffsetDays is null && row.DueOffsetDays is null)
                {
                    if (pace is not null)
                    {
                        db.CohortPacing.Remove(pace);
                    }

                    continue;
                }

                pace ??= db.CohortPacing.Add(new CohortPace { CohortId = cohortId, ModuleId = row.ModuleId }).Entity;
                pace.ReleaseOffsetDays = row.ReleaseOffsetDays ?? 0;
                pace.DueOffsetDays = row.DueOffsetDays;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved;
        }
    }

    public sealed record ModuleInfo(Guid Id, string Title);

    /// <summary>Live modules in order, titled in the viewer's language when translated.</summary>
    public static async Task<List<ModuleInfo>> ModulesAsync(AppDbContext db, Guid courseId, string language, CancellationToken cancellationToken) =>
        await db.Modules.Where(m => m.CourseId == courseId && m.ArchivedUtc == null).OrderBy(m => m.Position)
            .Select(m => new ModuleInfo(m.Id, m.Texts.OrderBy(t => t.Language == language ? 0 : db.Courses.Any(c => c.Id == courseId && c.DefaultLanguage == t.Language) ? 1 : 2).Select(t => t.Title).FirstOrDefault() ?? m.Slug))
            .ToListAsync(cancellationToken);
}
