using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A lesson page: its body in the learner's language (or the default, with a note), the way back and forth,
/// and the learner's place remembered for "continue where you left off". One SQL command when the learner reads
/// on (see <see cref="CourseOutline"/>), a second when the place to remember changed.
/// </summary>
public static class ShowLesson
{
    public sealed record Page(CourseOutline Outline, OutlineLesson Lesson, OutlineLesson? Previous, OutlineLesson? Next, bool IsEnrolled)
    {
        public bool IsFallback => Lesson.TextLanguage != ContentLanguage.Viewer;
    }

    public enum Access { Granted, NotFound, NotEnrolled }

    /// <summary>
    /// Reloading the lesson one is on does not rewrite the enrolment each time: "last activity" orders the
    /// dashboard and finds inactive learners, for which a few minutes are precise enough, and a write per page
    /// view would be most of the page's cost in the database.
    /// </summary>
    public static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(5);

    public sealed class Handler(AppDbContext db, CourseStructures structures, TimeProvider clock)
    {
        /// <param name="mayPreview">Trainers and admins read lessons of courses they are not enrolled in.</param>
        public async Task<(Access Access, Page? Page)> HandleAsync(string course, string module, string lesson, Guid userId, bool mayPreview,
            CancellationToken cancellationToken)
        {
            var outline = await CourseOutline.LoadAsync(db, structures, course, userId, (module, lesson), cancellationToken);
            var current = outline?.Find(module, lesson);
            if (outline is null || current?.Html is null)
            {
                return (Access.NotFound, null);
            }

            var enrolment = outline.Enrolment;
            if (enrolment is null)
            {
                return mayPreview
                    ? (Access.Granted, new Page(outline, current, outline.Previous(current), outline.Next(current), IsEnrolled: false))
                    : (Access.NotEnrolled, null);
            }

            var now = clock.GetUtcNow();
            if (enrolment.LastLessonId != current.Id || now - enrolment.LastActivityUtc >= ActivityResolution)
            {
                await db.Enrolments
                    .Where(e => e.UserId == userId && e.CourseId == outline.CourseId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonId, current.Id).SetProperty(e => e.LastActivityUtc, now), cancellationToken);
            }

            return (Access.Granted, new Page(outline, current, outline.Previous(current), outline.Next(current), IsEnrolled: true));
        }
    }
}
