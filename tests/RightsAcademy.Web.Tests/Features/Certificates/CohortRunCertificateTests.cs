using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>The sample course re-imported with <c>completion: min_sessions: 1</c> in its front matter.</summary>
public sealed class OneSessionCourseFixture : CertificateFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var root = SampleCourse.WriteTo(Directory.CreateTempSubdirectory("ra-course-sessions-").FullName);
        try
        {
            var path = Path.Combine(root, "courses", SampleCourse.Slug, "course.md");
            var text = await File.ReadAllTextAsync(path);
            await File.WriteAllTextAsync(path, text.Replace("enrolment: open\n", "enrolment: open\ncompletion:\n  min_sessions: 1\n", StringComparison.Ordinal));
            await SampleCourse.ImportAsync(Factory, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>Issue #7 for cohort runs: attendance at the course's minimum of peer-exchange sessions is part of completion.</summary>
public sealed class CohortRunCertificateTests(OneSessionCourseFixture app) : IClassFixture<OneSessionCourseFixture>
{
    [Fact]
    public async Task A_cohort_learner_with_the_lessons_done_but_too_few_sessions_gets_no_certificate_until_attendance_is_recorded_then_exactly_one()
    {
        var m = app.Municipality.Id;
        var courseId = await app.CourseIdAsync();
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal(1, await db.Courses.Where(c => c.Id == courseId).Select(c => c.MinSessions).SingleAsync());
        }

        var coordinator = await app.Factory.CreateUserAsync("run-coord@example.org", Roles.Coordinator, m);
        var facilitator = await app.Factory.CreateUserAsync("run-fac@example.org", Roles.Learner, m);
        var learner = await app.Factory.CreateUserAsync("run-learner@example.org", Roles.Learner, m);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [m], title: "Run cohort", facilitatorId: facilitator.Id);
        await app.Factory.AddMemberAsync(cohort.Id, learner.Id);
        var session = await app.Factory.CreateSessionAsync(coordinator.Id, [cohort.Id], startUtc: DateTimeOffset.UtcNow.AddHours(-2),
            facilitatorIds: [facilitator.Id]);

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("run-learner@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");
        await client.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/complete");
        await client.PostFormAsync(SampleCourse.SecondLesson, SampleCourse.SecondLesson + "/complete");
        await client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz", ("q.panel", "b"), ("q.first-steps", "a"), ("q.first-steps", "c"));

        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal(3, await db.LessonCompletions.CountAsync(c => c.UserId == learner.Id));
            Assert.False(await db.Enrolments.AnyAsync(e => e.UserId == learner.Id && e.CompletedUtc != null));
        }

        Assert.Equal(IssueCertificate.Outcome.NotCompleted, await app.IssueAsync(learner.Id));
        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));
        Assert.Empty(await app.CertificatesOfAsync(learner.Id));

        // Recording attendance (someone else was absent would not matter) completes the course.
        using var fac = app.Factory.CreateFormClient();
        await fac.SignInAsync("run-fac@example.org");
        var recorded = await fac.PostFormAsync($"/sessions/{session.Id}/record", $"/sessions/{session.Id}/record", ("Form.Attended", learner.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.True(await db.Enrolments.AnyAsync(e => e.UserId == learner.Id && e.CompletedUtc != null));
        }

        var outcomes = await Task.WhenAll(app.IssueAsync(learner.Id), app.IssueAsync(learner.Id));
        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));
        Assert.Single(outcomes, o => o == IssueCertificate.Outcome.Issued);
        var certificate = Assert.Single(await app.CertificatesOfAsync(learner.Id));
        Assert.Equal(CourseRuns.CohortKey(cohort.Id), certificate.RunKey);

        // Recording again changes nothing.
        await fac.PostFormAsync($"/sessions/{session.Id}/record", $"/sessions/{session.Id}/record", ("Form.Attended", learner.Id.ToString()));
        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));
        Assert.Single(await app.CertificatesOfAsync(learner.Id));
    }
}
