using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Courses;

public sealed class QuizTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Wrong_answers_fail_with_feedback_and_every_attempt_is_recorded()
    {
        var user = await EnrolledLearnerAsync("wrong@example.org");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("wrong@example.org");

        var response = await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz", ("q.panel", "a"), ("q.first-steps", "a"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Not passed yet", html, StringComparison.Ordinal);
        Assert.Contains("0 of 2 questions right (0 %)", html, StringComparison.Ordinal);
        Assert.Contains("No.", html, StringComparison.Ordinal); // the chosen option's feedback
        await using var db = app.Factory.Database.CreateDbContext();
        var attempt = await db.QuizAttempts.SingleAsync(a => a.UserId == user.Id);
        Assert.False(attempt.Passed);
        Assert.Equal(["a"], attempt.Answers["panel"]);
        Assert.False(await db.LessonCompletions.AnyAsync(c => c.UserId == user.Id));
    }

    [Fact]
    public async Task A_crafted_form_cannot_mark_itself_right()
    {
        var user = await EnrolledLearnerAsync("crafty@example.org");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("crafty@example.org");

        // Every option of the multiple-choice question, options that do not exist, and fields that are not questions.
        var response = await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz",
            ("q.panel", "b"), ("q.first-steps", "a"), ("q.first-steps", "b"), ("q.first-steps", "c"), ("q.first-steps", "zzz"),
            ("q.invented", "a"), ("Passed", "true"), ("ScorePercent", "100"));

        Assert.Contains("1 of 2 questions right (50 %)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Factory.Database.CreateDbContext();
        var attempt = await db.QuizAttempts.SingleAsync(a => a.UserId == user.Id);
        Assert.False(attempt.Passed);
        Assert.DoesNotContain("invented", attempt.Answers.Keys);
        Assert.DoesNotContain("zzz", attempt.Answers["first-steps"]);
    }

    [Fact]
    public async Task A_french_learner_is_graded_against_the_same_key()
    {
        var user = await EnrolledLearnerAsync("quiz-fr@example.org", "fr");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("quiz-fr@example.org");

        var response = await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz",
            ("q.panel", "b"), ("q.first-steps", "c"), ("q.first-steps", "a"));

        Assert.Contains("Réussi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Factory.Database.CreateDbContext();
        Assert.True(await db.LessonCompletions.AnyAsync(c => c.UserId == user.Id));
    }

    [Fact]
    public async Task A_reading_lesson_cannot_be_submitted_as_a_quiz_nor_a_quiz_marked_complete()
    {
        await EnrolledLearnerAsync("mixup@example.org");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("mixup@example.org");

        var quizOnLesson = await client.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/quiz", ("q.panel", "b"));
        var completeQuiz = await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/complete");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, quizOnLesson.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, completeQuiz.StatusCode);
    }

    private async Task<AppUser> EnrolledLearnerAsync(string email, string language = "en")
    {
        var user = await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id, language: language);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");
        return user;
    }
}
