using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// The learner's courses for the dashboard: progress and where to continue, in one query (titles and outlines from
/// <see cref="CourseStructures"/>).
/// </summary>
public static class LearnerProgress
{
    public sealed record Item(string CourseSlug, string Title, string TextLanguage, int RequiredTotal, int RequiredDone,
        DateTimeOffset? CompletedUtc, DateTimeOffset LastActivityUtc, string? ContinueUrl, string? ContinueTitle)
    {
        public int Percent => RequiredTotal == 0 ? 0 : RequiredDone * 100 / RequiredTotal;
    }

    public sealed class Handler(AppDbContext db, CourseStructures structures)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            var rows = new List<Row>();
            await foreach (var row in Rows(db, userId).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            var viewer = ContentLanguage.Viewer;
            var items = new List<Item>(rows.Count);
            foreach (var row in rows)
            {
                // Titles, required lessons and the last lesson's place come from the outline kept in memory.
                var structure = await structures.GetAsync(db, row.CourseId, row.ContentHash, viewer, cancellationToken);
                var done = CompletedLessons.Parse(row.Done);
                var required = structure?.Lessons.Where(l => l.Required).ToList() ?? [];
                var last = structure?.Lessons.FirstOrDefault(l => l.Id == row.LastLessonId);
                items.Add(new Item(row.Slug, structure?.Title ?? row.Slug, structure?.TitleLanguage ?? row.DefaultLanguage, required.Count,
                    required.Count(l => done.Contains(l.Id)), row.CompletedUtc, row.LastActivityUtc,
                    last is null ? null : $"/courses/{row.Slug}/{last.ModuleSlug}/{last.Slug}", last?.Title));
            }

            return items;
        }

        // Compiled once: the dashboard runs it on every visit. Only what is the learner's own is read here.
        private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery<AppDbContext, Guid, Row>(
            (AppDbContext db, Guid userId) => db.Enrolments.AsNoTracking()
                .Where(e => e.UserId == userId)
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), e => e.CourseId, c => c.Id, (e, c) => new { e, c })
                .OrderByDescending(x => x.e.LastActivityUtc)
                .Select(x => new Row(
                    x.c.Id,
                    x.c.Slug,
                    x.c.ContentHash,
                    x.c.DefaultLanguage,
                    x.e.CompletedUtc,
                    x.e.LastActivityUtc,
                    x.e.LastLessonId,
                    string.Join(CompletedLessons.Separator, db.LessonCompletions.Where(d => d.UserId == userId)
                        .Join(db.Lessons.Where(l => l.CourseId == x.c.Id), d => d.LessonId, l => l.Id, (d, l) => d.LessonId.ToString())))));

        private sealed record Row(Guid CourseId, string Slug, string ContentHash, string DefaultLanguage, DateTimeOffset? CompletedUtc,
            DateTimeOffset LastActivityUtc, Guid? LastLessonId, string? Done);
    }
}
