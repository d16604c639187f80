using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.ContentImport;

/// <summary>
/// Translations whose source changed after they were last changed: learners still read them, so trainers need
/// to see which ones to bring up to date.
/// </summary>
public static class ListStaleTranslations
{
    public sealed record Row(string CourseSlug, string Title, string Language, string SourcePath);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var courses = await db.CourseTexts.AsNoTracking().Where(t => t.IsStale)
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), t => t.CourseId, c => c.Id, (t, c) => new Row(c.Slug, t.Title, t.Language, t.SourcePath))
                .ToListAsync(cancellationToken);
            var modules = await db.ModuleTexts.AsNoTracking().Where(t => t.IsStale)
                .Join(db.Modules.Where(m => m.ArchivedUtc == null), t => t.ModuleId, m => m.Id, (t, m) => new { t, m.CourseId })
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), x => x.CourseId, c => c.Id, (x, c) => new Row(c.Slug, x.t.Title, x.t.Language, x.t.SourcePath))
                .ToListAsync(cancellationToken);
            var lessons = await db.LessonTexts.AsNoTracking().Where(t => t.IsStale)
                .Join(db.Lessons.Where(l => l.ArchivedUtc == null), t => t.LessonId, l => l.Id, (t, l) => new { t, l.CourseId })
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), x => x.CourseId, c => c.Id, (x, c) => new Row(c.Slug, x.t.Title, x.t.Language, x.t.SourcePath))
                .ToListAsync(cancellationToken);
            return [.. courses.Concat(modules).Concat(lessons)
                .OrderBy(r => r.CourseSlug, StringComparer.Ordinal)
                .ThenBy(r => r.SourcePath, StringComparer.Ordinal)
                .ThenBy(r => r.Language, StringComparer.Ordinal)];
        }
    }
}
