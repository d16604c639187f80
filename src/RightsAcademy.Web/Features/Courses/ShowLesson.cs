using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A lesson page: its body in the learner's language (or the default, with a note), the way back and forth,
/// and the learner's place remembered for "continue where you left off". Two SQL commands.
/// </summary>
public static class ShowLesson
{
    public sealed record Page(CourseOutline Outline, OutlineLesson Lesson, OutlineLesson? Previous, OutlineLesson? Next, bool IsEnrolled)
    {
        public bool IsFallback => Lesson.TextLanguage != ContentLanguage.Viewer;
    }

    public enum Access { Granted, NotFound, NotEnrolled }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <param name="mayPreview">Trainers and admins read lessons of courses they are not enrolled in.</param>
        public async Task<(Access Access, Page? Page)> HandleAsync(string course, string module, string lesson, Guid userId, bool mayPreview,
            CancellationToken cancellationToken)
        {
            var outline = await CourseOutline.LoadAsync(db, course, userId, (module, lesson), cancellationToken);
            var current = outline?.Find(module, lesson);
            if (outline is null || current?.Html is null)
            {
                return (Access.NotFound, null);
            }

            var now = clock.GetUtcNow();
            var enrolled = await db.Enrolments
                .Where(e => e.UserId == userId && e.CourseId == outline.CourseId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastLessonId, current.Id).SetProperty(e => e.LastActivityUtc, now), cancellationToken) == 1;
            if (!enrolled && !mayPreview)
            {
                return (Access.NotEnrolled, null);
            }

            return (Access.Granted, new Page(outline, current, outline.Previous(current), outline.Next(current), enrolled));
        }
    }
}
