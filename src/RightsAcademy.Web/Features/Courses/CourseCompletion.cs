using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// Applies a course's completion rule to one learner: required lessons completed, required quizzes passed, and for
/// a cohort run at least the course's <c>min_sessions</c> peer-exchange sessions attended.
/// Called after every change of progress; marking complete is idempotent. Completing asks for the certificate; the
/// completion itself (Enrolment.CompletedUtc, in the caller's transaction) is what guarantees it will be issued.
/// </summary>
public sealed class CourseCompletion(AppDbContext db, TimeProvider clock, CertificateJobs certificates)
{
    /// <summary>Works out the learner's run: in a cohort run, the sessions of that cohort they attended count.</summary>
    public async Task<bool> EvaluateAsync(Guid userId, Guid courseId, CancellationToken cancellationToken)
    {
        var cohortId = await CourseRuns.CohortIds(db, userId, courseId).Select(id => (Guid?)id).FirstOrDefaultAsync(cancellationToken);
        int? attended = cohortId is { } id ? await CourseRuns.AttendedSessionsAsync(db, userId, id, cancellationToken) : null;
        return await EvaluateAsync(userId, courseId, attended, cancellationToken);
    }

    /// <param name="attendedSessions">
    /// The seam for cohorts: the learner's attended peer-exchange sessions in a cohort run, or null for a self-paced
    /// enrolment, where attendance does not apply.
    /// </param>
    public async Task<bool> EvaluateAsync(Guid userId, Guid courseId, int? attendedSessions, CancellationToken cancellationToken)
    {
        var rule = await db.Courses.Where(c => c.Id == courseId)
            .Select(c => new { c.RequireAllLessons, c.RequireQuizzesPassed, c.MinSessions }).SingleAsync(cancellationToken);
        if (attendedSessions is { } attended && attended < rule.MinSessions)
        {
            return false;
        }

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
        var completedNow = await db.Enrolments.Where(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedUtc, now), cancellationToken);
        if (completedNow > 0)
        {
            certificates.RequestIssue(userId, courseId);
        }

        return true;
    }
}
