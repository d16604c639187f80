using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>A whole module on one page, for staff who print or save it to read away from a connection.</summary>
public static class PrintModule
{
    public sealed record Section(string Slug, string Title, string Language, string Html, LessonKind Kind, IReadOnlyList<QuizQuestionData> Questions);

    public sealed record Page(string CourseSlug, string CourseTitle, string ModuleSlug, string ModuleTitle, string ModuleLanguage,
        IReadOnlyList<Section> Sections);

    public enum Access { Granted, NotFound, NotEnrolled }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<(Access Access, Page? Page)> HandleAsync(string course, string module, Guid userId, bool mayPreview,
            CancellationToken cancellationToken)
        {
            var viewer = ContentLanguage.Viewer;
            var found = await db.Modules.AsNoTracking()
                .Where(m => m.Slug == module && m.ArchivedUtc == null)
                .Join(db.Courses.Where(c => c.Slug == course && c.ArchivedUtc == null), m => m.CourseId, c => c.Id, (m, c) => new
                {
                    CourseId = c.Id,
                    c.DefaultLanguage,
                    CourseTitles = c.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage).Select(t => new { t.Language, t.Title }).ToList(),
                    ModuleTitles = m.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage).Select(t => new { t.Language, t.Title }).ToList(),
                    Lessons = m.Lessons.Where(l => l.ArchivedUtc == null).OrderBy(l => l.Position).Select(l => new
                    {
                        l.Slug,
                        l.Kind,
                        Texts = l.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage)
                            .Select(t => new { t.Language, t.Title, t.Html, t.Questions }).ToList(),
                    }).ToList(),
                    Enrolled = db.Enrolments.Any(e => e.CourseId == c.Id && e.UserId == userId),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return (Access.NotFound, null);
            }

            if (!found.Enrolled && !mayPreview)
            {
                return (Access.NotEnrolled, null);
            }

            var moduleTitle = ContentLanguage.Pick(found.ModuleTitles, t => t.Language, found.DefaultLanguage);
            var sections = found.Lessons.Select(l =>
            {
                var text = ContentLanguage.Pick(l.Texts, t => t.Language, found.DefaultLanguage)!;
                return new Section(l.Slug, text.Title, text.Language, text.Html, l.Kind, text.Questions);
            }).ToList();
            return (Access.Granted, new Page(course, ContentLanguage.Pick(found.CourseTitles, t => t.Language, found.DefaultLanguage)?.Title ?? course,
                module, moduleTitle?.Title ?? module, moduleTitle?.Language ?? found.DefaultLanguage, sections));
        }
    }
}
