using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>The learner's courses for the dashboard: progress and where to continue, in one query.</summary>
public static class LearnerProgress
{
    public sealed record Item(string CourseSlug, string Title, string TextLanguage, int RequiredTotal, int RequiredDone,
        DateTimeOffset? CompletedUtc, DateTimeOffset LastActivityUtc, string? ContinueUrl, string? ContinueTitle)
    {
        public int Percent => RequiredTotal == 0 ? 0 : RequiredDone * 100 / RequiredTotal;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            var rows = new List<Row>();
            await foreach (var row in Rows(db, userId, ContentLanguage.Viewer).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return [.. rows.Select(r =>
            {
                var title = ContentLanguage.Pick(r.Titles, t => t.Language, r.DefaultLanguage);
                var lastTitle = r.Last is null ? null : ContentLanguage.Pick(r.Last.Titles, t => t.Language, r.DefaultLanguage)?.Title;
                return new Item(r.Slug, title?.Title ?? r.Slug, title?.Language ?? r.DefaultLanguage, r.RequiredTotal, r.RequiredDone,
                    r.CompletedUtc, r.LastActivityUtc,
                    r.Last is null ? null : $"/courses/{r.Slug}/{r.Last.ModuleSlug}/{r.Last.Slug}", lastTitle);
            })];
        }

        // Compiled once: the dashboard runs it on every visit.
        private static readonly Func<AppDbContext, Guid, string, IAsyncEnumerable<Row>> Rows = EF.CompileAsyncQuery<AppDbContext, Guid, string, Row>(
            (AppDbContext db, Guid userId, string viewer) => db.Enrolments.AsNoTracking()
                .Where(e => e.UserId == userId)
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), e => e.CourseId, c => c.Id, (e, c) => new { e, c })
                .OrderByDescending(x => x.e.LastActivityUtc)
                .Select(x => new Row(
                    x.c.Slug,
                    x.c.DefaultLanguage,
                    x.c.Texts.Where(t => t.Language == viewer || t.Language == x.c.DefaultLanguage).Select(t => new TitleRow(t.Language, t.Title)).ToList(),
                    x.e.CompletedUtc,
                    x.e.LastActivityUtc,
                    db.Lessons.Count(l => l.CourseId == x.c.Id && l.ArchivedUtc == null && l.Required),
                    db.Lessons.Count(l => l.CourseId == x.c.Id && l.ArchivedUtc == null && l.Required
                                          && db.LessonCompletions.Any(d => d.UserId == userId && d.LessonId == l.Id)),
                    db.Lessons.Where(l => l.Id == x.e.LastLessonId && l.ArchivedUtc == null)
                        .Select(l => new LastRow(
                            l.Slug,
                            l.Module!.Slug,
                            l.Texts.Where(t => t.Language == viewer || t.Language == x.c.DefaultLanguage).Select(t => new TitleRow(t.Language, t.Title)).ToList()))
                        .FirstOrDefault())));

        private sealed record Row(string Slug, string DefaultLanguage, List<TitleRow> Titles, DateTimeOffset? CompletedUtc,
            DateTimeOffset LastActivityUtc, int RequiredTotal, int RequiredDone, LastRow? Last);

        private sealed record LastRow(string Slug, string ModuleSlug, List<TitleRow> Titles);

        private sealed record TitleRow(string Language, string Title);
    }
}
