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
            var viewer = ContentLanguage.Viewer;
            var rows = await db.Enrolments.AsNoTracking()
                .Where(e => e.UserId == userId)
                .Join(db.Courses.Where(c => c.ArchivedUtc == null), e => e.CourseId, c => c.Id, (e, c) => new
                {
                    c.Slug,
                    c.DefaultLanguage,
                    Titles = c.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage).Select(t => new { t.Language, t.Title }).ToList(),
                    e.CompletedUtc,
                    e.LastActivityUtc,
                    RequiredTotal = db.Lessons.Count(l => l.CourseId == c.Id && l.ArchivedUtc == null && l.Required),
                    RequiredDone = db.Lessons.Count(l => l.CourseId == c.Id && l.ArchivedUtc == null && l.Required
                                                         && db.LessonCompletions.Any(x => x.UserId == userId && x.LessonId == l.Id)),
                    Last = db.Lessons.Where(l => l.Id == e.LastLessonId && l.ArchivedUtc == null)
                        .Select(l => new
                        {
                            l.Slug,
                            ModuleSlug = l.Module!.Slug,
                            Titles = l.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage).Select(t => new { t.Language, t.Title }).ToList(),
                        })
                        .FirstOrDefault(),
                })
                .OrderByDescending(r => r.LastActivityUtc)
                .ToListAsync(cancellationToken);

            return [.. rows.Select(r =>
            {
                var title = ContentLanguage.Pick(r.Titles, t => t.Language, r.DefaultLanguage);
                var lastTitle = r.Last is null ? null : ContentLanguage.Pick(r.Last.Titles, t => t.Language, r.DefaultLanguage)?.Title;
                return new Item(r.Slug, title?.Title ?? r.Slug, title?.Language ?? r.DefaultLanguage, r.RequiredTotal, r.RequiredDone,
                    r.CompletedUtc, r.LastActivityUtc,
                    r.Last is null ? null : $"/courses/{r.Slug}/{r.Last.ModuleSlug}/{r.Last.Slug}", lastTitle);
            })];
        }
    }
}
