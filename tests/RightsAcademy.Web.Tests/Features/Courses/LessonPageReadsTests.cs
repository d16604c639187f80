using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Tests.Features.ContentImport;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Courses;

/// <summary>
/// What a lesson page reads and writes: the outline kept in memory per content hash must never show an old
/// import, and reading on must not rewrite the enrolment on every request.
/// </summary>
public sealed class LessonPageReadsTests(LessonPageReadsTests.Fixture app) : IClassFixture<LessonPageReadsTests.Fixture>
{
    [Fact]
    public async Task The_next_request_after_an_import_shows_the_new_titles_and_lessons()
    {
        using var content = new TempContent().AddCourse("kept-outline");
        await app.Factory.ImportAsync(content.Folder);
        using var client = await EnrolledLearnerAsync("kept-outline");

        var before = await client.GetPageAsync("/courses/kept-outline/basics/intro");
        Assert.Contains("In practice", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Revised practice", before, StringComparison.Ordinal);

        content.Write("kept-outline", "01-basics/01-intro.md", TempContent.LessonMd("Introduction", "Welcome, in a revised text."))
            .Write("kept-outline", "01-basics/02-practice.md", TempContent.LessonMd("Revised practice", "Step by step."))
            .Write("kept-outline", "01-basics/04-more.md", TempContent.LessonMd("One more step"));
        await app.Factory.ImportAsync(content.Folder);

        var after = await client.GetPageAsync("/courses/kept-outline/basics/intro");
        Assert.Contains("Revised practice", after, StringComparison.Ordinal);
        Assert.Contains("Welcome, in a revised text.", after, StringComparison.Ordinal);
        Assert.Contains("One more step", await client.GetPageAsync("/courses/kept-outline"), StringComparison.Ordinal);
        Assert.Contains("One more step", await client.GetPageAsync("/courses/kept-outline/basics/more"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_same_lesson_again_writes_the_enrolment_only_after_a_few_minutes()
    {
        using var content = new TempContent().AddCourse("reading-on");
        await app.Factory.ImportAsync(content.Folder);
        // Whole seconds: PostgreSQL keeps microseconds, the clock ticks of 100 ns.
        var start = app.Clock.Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var client = await EnrolledLearnerAsync("reading-on");

        await client.GetPageAsync("/courses/reading-on/basics/intro");
        Assert.Equal(("intro", start), await LastPlaceAsync("reading-on"));

        app.Clock.Now = start.AddMinutes(1);
        var again = await client.GetAsync("/courses/reading-on/basics/intro");
        Assert.Equal(("intro", start), await LastPlaceAsync("reading-on"));
        // The course's hash with the learner's enrolment and progress; outline and text from memory; nothing written.
        Assert.Equal("1", again.Headers.GetValues("X-Sql-Commands").Single());

        await client.GetPageAsync("/courses/reading-on/basics/practice");
        Assert.Equal(("practice", start.AddMinutes(1)), await LastPlaceAsync("reading-on"));

        app.Clock.Now = start.Add(ShowLesson.ActivityResolution).AddMinutes(1);
        await client.GetPageAsync("/courses/reading-on/basics/practice");
        Assert.Equal(("practice", app.Clock.Now), await LastPlaceAsync("reading-on"));
    }

    private async Task<FormClient> EnrolledLearnerAsync(string course)
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id);
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        await client.PostFormAsync($"/courses/{course}", $"/courses/{course}/enrol");
        return client;
    }

    private async Task<(string Lesson, DateTimeOffset At)> LastPlaceAsync(string course)
    {
        await using var db = app.Factory.Database.CreateDbContext();
        var place = await db.Enrolments
            .Where(e => db.Courses.Any(c => c.Id == e.CourseId && c.Slug == course))
            .Select(e => new { Lesson = db.Lessons.Where(l => l.Id == e.LastLessonId).Select(l => l.Slug).Single(), e.LastActivityUtc })
            .SingleAsync();
        return (place.Lesson, place.LastActivityUtc);
    }

    /// <summary>A site with a clock the tests set, and the SQL command count header on.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? _database;
        private RightsAcademyFactory? _factory;

        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public RightsAcademyFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

        public Municipality Municipality { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync();
            _factory = new RightsAcademyFactory(_database, settings: new Dictionary<string, string?> { ["Diagnostics:CountSqlCommands"] = "true" })
            {
                TestServices = services => services.AddSingleton<TimeProvider>(Clock),
            };
            Municipality = await _factory.CreateMunicipalityAsync();
        }

        public async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
