using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>"Mark as complete" on a reading lesson. Quizzes complete by being passed, never by this.</summary>
public static class CompleteLesson
{
    public enum Outcome { Completed, NotFound, NotEnrolled, IsQuiz }

    public sealed record Result(Outcome Outcome, string? NextUrl);

    public sealed class Handler(AppDbContext db, CourseStructures structures, CourseCompletion completion, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(string course, string module, string lesson, Guid userId, CancellationToken cancellationToken)
        {
            var outline = await CourseOutline.LoadAsync(db, structures, course, userId, null, cancellationToken);
            var current = outline?.Find(module, lesson);
            if (outline is null || current is null)
            {
                return new Result(Outcome.NotFound, null);
            }

            if (current.Kind == LessonKind.Quiz)
            {
                return new Result(Outcome.IsQuiz, null);
            }

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var enrolled = await db.Enrolments.Where(e => e.UserId == userId && e.CourseId == outline.CourseId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityUtc, now), cancellationToken) == 1;
            if (!enrolled)
            {
                return new Result(Outcome.NotEnrolled, null);
            }

            await Progress.RecordCompletionAsync(db, userId, current.Id, now, cancellationToken);
            await completion.EvaluateAsync(userId, outline.CourseId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var next = outline.Next(current);
            return new Result(Outcome.Completed, next is null ? $"/courses/{course}" : LessonUrls.Of(course, next));
        }
    }
}

internal static class Progress
{
    /// <summary>Completing twice (a double click, a retried request) leaves one row and the first date.</summary>
    public static Task<int> RecordCompletionAsync(AppDbContext db, Guid userId, Guid lessonId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LessonCompletions" ("UserId", "LessonId", "CompletedUtc") VALUES ({userId}, {lessonId}, {now})
            ON CONFLICT ("UserId", "LessonId") DO NOTHING
            """, cancellationToken);
}

public static class LessonUrls
{
    public static string Of(string course, OutlineLesson lesson) => $"/courses/{course}/{lesson.ModuleSlug}/{lesson.Slug}";
}
