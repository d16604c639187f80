using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// Applies a course's completion rule to one learner: required lessons completed, required quizzes passed.
/// (Attendance at peer-exchange sessions applies to cohort runs, which bring their own rule.)
/// Called after every change of progress; marking complete is idempotent.
/// </summary>
public sealed class CourseCompletion(AppDbContext db, TimeProvider clock)
{
    public async Task<bool> EvaluateAsync(Guid userId, Guid courseId, CancellationToken cancellationToken)
    {
        var rule = await db.Courses.Where(c => c.Id == courseId)
            .Select(c => new { c.RequireAllLessons, c.RequireQuizzesPassed }).SingleAsync(cancellationToken);
        var lessons = await db.Lessons
            .Where(l => l.CourseId == courseId && l.ArchivedUtc == null && l.Required)
            .Select(l => new { l.Kind, Done = db.LessonCompletions.Any(c => c.UserId == userId && c.LessonId == l.Id) })
            .ToListAsync(cancellationToken);

        var lessonsOk = !rule.RequireAllLessons || lessons.Where(l => l.Kind == LessonKind.Lesson).All(l => l.Done);
        var quizzesOk = !rule.RequireQuizzesPassed || lessons.Where(l => l.Kind == LessonKind.Quiz).All(l => l.Done);
        if (!lessonsOk || !quizzesOk)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await db.Enrolments.Where(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedUtc, now), cancellationToken);
        return true;
    }
}
