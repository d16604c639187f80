using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Courses;

public sealed class LearnerPathTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Lessons_need_sign_in_then_enrolment()
    {
        await app.Factory.CreateUserAsync("not-enrolled@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var anonymous = await client.GetAsync(SampleCourse.FirstLesson);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);

        await client.SignInAsync("not-enrolled@example.org");
        var notEnrolled = await client.GetAsync(SampleCourse.FirstLesson);
        Assert.Equal($"/courses/{SampleCourse.Slug}?enrolFirst=true", notEnrolled.Headers.Location?.OriginalString);
        Assert.Contains("Enrol in this course to read its lessons.", await client.GetPageAsync($"/courses/{SampleCourse.Slug}?enrolFirst=true"), StringComparison.Ordinal);

        var completeWithoutEnrolment = await client.PostFormAsync($"/courses/{SampleCourse.Slug}", SampleCourse.FirstLesson + "/complete");
        Assert.Equal(HttpStatusCode.Redirect, completeWithoutEnrolment.StatusCode);
        await using var db = app.Factory.Database.CreateDbContext();
        Assert.False(await db.LessonCompletions.AnyAsync(c => db.Users.Any(u => u.Id == c.UserId && u.Email == "not-enrolled@example.org")));
    }

    [Fact]
    public async Task A_learner_enrols_reads_completes_and_the_course_completes_when_every_required_part_is_done()
    {
        var user = await app.Factory.CreateUserAsync("path@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("path@example.org");

        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");
        var first = await client.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/complete");
        Assert.Equal(SampleCourse.SecondLesson, first.Headers.Location?.OriginalString);

        // Completing twice (a double click) leaves one completion.
        await client.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/complete");
        await client.PostFormAsync(SampleCourse.SecondLesson, SampleCourse.SecondLesson + "/complete");
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal(2, await db.LessonCompletions.CountAsync(c => c.UserId == user.Id));
            Assert.Null((await db.Enrolments.SingleAsync(e => e.UserId == user.Id)).CompletedUtc);
        }

        var dashboard = await client.GetPageAsync("/dashboard");
        Assert.Contains("2 of 3 required lessons completed", dashboard, StringComparison.Ordinal);
        Assert.Contains($"href=\"{SampleCourse.SecondLesson}\"", dashboard, StringComparison.Ordinal);

        // The optional lesson is not needed; passing the quiz completes the course.
        var quiz = await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz",
            ("q.panel", "b"), ("q.first-steps", "a"), ("q.first-steps", "c"));
        Assert.Contains("Passed", await quiz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.NotNull((await db.Enrolments.SingleAsync(e => e.UserId == user.Id)).CompletedUtc);
        }

        Assert.Contains("Course completed on", await client.GetPageAsync($"/courses/{SampleCourse.Slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_french_learner_reads_the_translation_or_the_english_text_with_a_note()
    {
        await app.Factory.CreateUserAsync("fr-path@example.org", Roles.Learner, app.Municipality.Id, language: "fr");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("fr-path@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");

        var translated = await client.GetPageAsync(SampleCourse.FirstLesson);
        var untranslated = await client.GetPageAsync(SampleCourse.SecondLesson);

        Assert.Contains("Bonjour et bienvenue.", translated, StringComparison.Ordinal);
        Assert.DoesNotContain("n’est pas encore disponible", translated, StringComparison.Ordinal);
        Assert.Contains("This lesson has no translation.", untranslated, StringComparison.Ordinal);
        Assert.Contains("Cette page n’est pas encore disponible en français ; elle est affichée en anglais.", untranslated, StringComparison.Ordinal);
        Assert.Contains("<article class=\"lesson\" lang=\"en\"", untranslated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trainers_preview_lessons_without_enrolling()
    {
        await app.Factory.CreateUserAsync("preview@example.org", Roles.Trainer, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("preview@example.org");

        var page = await client.GetPageAsync(SampleCourse.FirstLesson);

        Assert.Contains("You are previewing this lesson", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/complete\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quiz_form_does_not_reveal_the_answers()
    {
        await app.Factory.CreateUserAsync("peek@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("peek@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");

        var page = await client.GetPageAsync(SampleCourse.Quiz);

        Assert.Contains("name=\"q.panel\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Yes, participation.", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<input[^>]*(checked|data-)[^>]*>", page);
    }
}
