using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// Grades a quiz on the server against the stored answers of the source language (a crafted form cannot mark
/// itself right), records every attempt, and completes the quiz when it is passed.
/// </summary>
public static class SubmitQuiz
{
    public sealed record QuestionResult(QuizQuestionData Question, IReadOnlyList<string> Chosen, bool Correct);

    public sealed record Result(CourseOutline Outline, OutlineLesson Lesson, IReadOnlyList<QuestionResult> Questions, int Correct, int Total,
        int ScorePercent, bool Passed, OutlineLesson? Next);

    public enum Outcome { Graded, NotFound, NotEnrolled, NotAQuiz }

    public sealed class Handler(AppDbContext db, CourseStructures structures, CourseCompletion completion, TimeProvider clock)
    {
        public async Task<(Outcome Outcome, Result? Result)> HandleAsync(string course, string module, string lesson, Guid userId,
            IReadOnlyDictionary<string, IReadOnlyList<string>> answers, CancellationToken cancellationToken)
        {
            var outline = await CourseOutline.LoadAsync(db, structures, course, userId, (module, lesson), cancellationToken);
            var current = outline?.Find(module, lesson);
            if (outline is null || current?.Questions is null)
            {
                return (Outcome.NotFound, null);
            }

            if (current.Kind != LessonKind.Quiz || current.PassMark is null)
            {
                return (Outcome.NotAQuiz, null);
            }

            // The answer key comes from the source language, whatever language the learner read the quiz in.
            var key = current.TextLanguage == outline.DefaultLanguage
                ? current.Questions
                : await db.LessonTexts.Where(t => t.LessonId == current.Id && t.Language == outline.DefaultLanguage)
                    .Select(t => t.Questions).SingleAsync(cancellationToken);
            var answerKey = key.ToDictionary(q => q.Id, q => q.Answer);

            var graded = current.Questions.Select(q =>
            {
                var chosen = answers.TryGetValue(q.Id, out var c)
                    ? c.Where(id => q.Options.Any(o => o.Id == id)).Distinct().ToList()
                    : [];
                var right = answerKey.TryGetValue(q.Id, out var expected) && chosen.Count == expected.Count && !chosen.Except(expected).Any();
                return new QuestionResult(q, chosen, right);
            }).ToList();
            var correct = graded.Count(g => g.Correct);
            var score = graded.Count == 0 ? 0 : correct * 100 / graded.Count;
            var passed = score >= current.PassMark;

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var enrolled = await db.Enrolments.Where(e => e.UserId == userId && e.CourseId == outline.CourseId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityUtc, now).SetProperty(e => e.LastLessonId, current.Id), cancellationToken) == 1;
            if (!enrolled)
            {
                return (Outcome.NotEnrolled, null);
            }

            db.QuizAttempts.Add(new QuizAttempt
            {
                UserId = userId,
                LessonId = current.Id,
                LessonVersion = current.Version,
                SubmittedUtc = now,
                Correct = correct,
                Total = graded.Count,
                ScorePercent = score,
                Passed = passed,
                Answers = graded.ToDictionary(g => g.Question.Id, g => g.Chosen.ToList()),
            });
            await db.SaveChangesAsync(cancellationToken);
            if (passed)
            {
                await Progress.RecordCompletionAsync(db, userId, current.Id, now, cancellationToken);
                await completion.EvaluateAsync(userId, outline.CourseId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return (Outcome.Graded, new Result(outline, current, graded, correct, graded.Count, score, passed, outline.Next(current)));
        }
    }
}
