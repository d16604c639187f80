using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>The course page: overview, syllabus with the learner's progress, enrolment.</summary>
public static class ShowCourse
{
    public sealed record Page(string Slug, string Title, string? Summary, string OverviewHtml, string TextLanguage, string DefaultLanguage,
        decimal EstimatedHours, CourseLevel Level, EnrolmentMode Enrolment, IReadOnlyList<string> Themes, IReadOnlyList<string> Languages,
        CourseOutline Outline, bool IsSignedIn, bool IsEnrolled, DateTimeOffset? CompletedUtc, OutlineLesson? ContinueWith)
    {
        public int RequiredCount => Outline.Lessons.Count(l => l.Required);

        public int RequiredDone => Outline.Lessons.Count(l => l.Required && l.Done);

        public bool CanEnrol => IsSignedIn && !IsEnrolled && Enrolment == EnrolmentMode.Open;
    }

    public sealed class Handler(AppDbContext db, CourseStructures structures)
    {
        public async Task<Page?> HandleAsync(string slug, Guid? userId, CancellationToken cancellationToken)
        {
            var viewer = ContentLanguage.Viewer;
            var course = await db.Courses.AsNoTracking()
                .Where(c => c.Slug == slug && c.ArchivedUtc == null)
                .Select(c => new
                {
                    c.Id,
                    c.DefaultLanguage,
                    c.EstimatedHours,
                    c.Level,
                    c.Enrolment,
                    c.Themes,
                    c.Languages,
                    Texts = c.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage)
                        .Select(t => new { t.Language, t.Title, t.Summary, t.Html }).ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (course is null)
            {
                return null;
            }

            var outline = await CourseOutline.LoadAsync(db, structures, slug, userId, null, cancellationToken);
            if (outline is null)
            {
                return null;
            }

            // The viewer's enrolment comes with the outline.
            var text = ContentLanguage.Pick(course.Texts, t => t.Language, course.DefaultLanguage)!;
            var enrolment = outline.Enrolment;
            var continueWith = enrolment is null
                ? null
                : outline.Lessons.FirstOrDefault(l => l.Id == enrolment.LastLessonId && !l.Done)
                  ?? outline.Lessons.FirstOrDefault(l => !l.Done)
                  ?? outline.Lessons.FirstOrDefault(l => l.Id == enrolment.LastLessonId);
            return new Page(slug, text.Title, text.Summary, text.Html, text.Language, course.DefaultLanguage, course.EstimatedHours,
                course.Level, course.Enrolment, course.Themes, course.Languages, outline, userId is not null, enrolment is not null,
                enrolment?.CompletedUtc, continueWith);
        }
    }
}
