using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Bench;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Tests.Features.ContentImport;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Tools.Bench;

/// <summary>
/// infra/bench's generator at a tiny scale: its Markdown passes the real importer without a problem, its COPY
/// matches the current schema, and what it writes is usable by the site (the shared password signs in, the
/// learner's lesson and dashboard render). The benchmark itself is not part of the suite.
/// </summary>
public sealed class DataGeneratorSmokeTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private const string Password = "bench smoke password";
    private readonly string _folder = Directory.CreateTempSubdirectory("ra-bench-smoke-").FullName;

    [Fact]
    public async Task Generated_courses_import_cleanly_and_the_generated_data_set_serves_the_benchmark_pages()
    {
        ContentGenerator.Write(_folder, courses: 2, lessons: 12);
        var import = await app.Factory.ImportAsync(_folder);
        Assert.Empty(import.Problems);
        var lessons = await app.Factory.QueryAsync(db => db.Lessons.CountAsync());
        Assert.Equal(24, lessons);
        Assert.Equal(2 * 2, await app.Factory.QueryAsync(db => db.Lessons.CountAsync(l => l.Kind == LessonKind.Quiz)));

        var summary = await new DataGenerator(app.Factory.Database.ConnectionString, scale: 0.002, Password).RunAsync(TextWriter.Null);

        // 2,000 at this scale unless the few users and courses run out first.
        Assert.InRange(summary.Completions, 300, 2_000);
        Assert.Equal(summary.Completions, await app.Factory.QueryAsync(db => db.LessonCompletions.CountAsync()));
        Assert.Equal(summary.Enrolments, await app.Factory.QueryAsync(db => db.Enrolments.CountAsync()));
        Assert.Equal(summary.Users, await app.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("bench.example"))));
        Assert.Equal(summary.Users, await app.Factory.QueryAsync(db => db.UserRoles.CountAsync()));
        Assert.True(summary.CohortMembers > 0);
        Assert.Equal(summary.Sessions, await app.Factory.QueryAsync(db => db.ExchangeSessions.CountAsync()));
        Assert.True(await app.Factory.QueryAsync(db => db.SessionRsvps.AnyAsync()));
        Assert.Equal(Math.Min(2, summary.Cohorts), await app.Factory.QueryAsync(db => db.CohortMembers.CountAsync(m =>
            db.Users.Any(u => u.Id == m.UserId && u.Email == DataGenerator.LearnerEmail) && m.Status == CohortMemberStatus.Active)));
        // Progress is a prefix of each course and never all of it: no certificate is pending before the benchmark asks.
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Enrolments.CountAsync(e => e.CompletedUtc != null)));

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync(DataGenerator.LearnerEmail, Password);
        using var lesson = await client.GetAsync(summary.LessonPath);
        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
        var html = await lesson.Content.ReadAsStringAsync();
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<figure", html, StringComparison.Ordinal);
        using var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        using var coordinator = app.Factory.CreateFormClient();
        await coordinator.SignInAsync(DataGenerator.CoordinatorEmail, Password);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
