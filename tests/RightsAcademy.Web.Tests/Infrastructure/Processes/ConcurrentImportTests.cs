using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// Issue #11, scenario B: two nodes running <c>content import</c> on the same folder at the same moment (a deploy
/// script on each node). The importer's advisory lock makes the second wait for the first, which then finds nothing
/// left to do: one result, one write per change, no unique-violation error.
/// </summary>
[Collection(AppProcess.Collection)]
public sealed partial class ConcurrentImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_imports_of_one_folder_started_together_in_two_processes_run_one_after_the_other_and_write_each_change_once()
    {
        using var content = new TempContent().AddCourse("together-one").AddCourse("together-two");

        var created = await ImportTogetherAsync(content.Folder);
        Assert.Equal([(0, 0, 2), (2, 0, 0)], created.Order());
        await using (var db = _database.CreateDbContext())
        {
            foreach (var slug in new[] { "together-one", "together-two" })
            {
                var course = await db.Courses.AsNoTracking().SingleAsync(c => c.Slug == slug);
                Assert.Equal(1, await db.Modules.CountAsync(m => m.CourseId == course.Id));
                Assert.Equal(3, await db.Lessons.CountAsync(l => l.CourseId == course.Id));
            }
        }

        content.Write("together-one", "01-basics/02-practice.md", TempContent.LessonMd("In practice", "Step by step, revised."));
        var updated = await ImportTogetherAsync(content.Folder);
        Assert.Equal([(0, 0, 2), (0, 1, 1)], updated.Order());
        await using (var db = _database.CreateDbContext())
        {
            var lesson = await db.LessonTexts.AsNoTracking().Where(t => t.Html.Contains("revised")).ToListAsync();
            Assert.Single(lesson);
            Assert.Equal(2, await db.Courses.CountAsync());
        }
    }

    /// <summary>
    /// Starts two import processes and lines them up: the test holds an exclusive lock on the first table an import
    /// reads under its advisory lock, so the import that wins that lock waits on the table and the other waits on the
    /// import lock (without the import lock both would wait on the table). Then it lets go; returns each process's
    /// (new, updated, unchanged) counts.
    /// </summary>
    private async Task<List<(int New, int Updated, int Unchanged)>> ImportTogetherAsync(string folder)
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Default"] = _database.ConnectionString };
        var jobs = new JobTables(_database.ConnectionString);
        await using var gate = new NpgsqlConnection(_database.ConnectionString);
        await gate.OpenAsync();
        await using var hold = await gate.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("""LOCK TABLE "CourseDrafts" IN ACCESS EXCLUSIVE MODE""", gate, hold))
        {
            await command.ExecuteNonQueryAsync();
        }

        await using var first = AppProcess.StartCommand("import 1", settings, "content", "import", folder);
        await using var second = AppProcess.StartCommand("import 2", settings, "content", "import", folder);
        await Eventually.ThatAsync(async () => await jobs.WaitingForLocksAsync("CourseDrafts", "pg_advisory_xact_lock") == 2,
            TimeSpan.FromSeconds(60), () => first.Output + "\n" + second.Output);
        await hold.CommitAsync();

        var results = new List<(int, int, int)>();
        foreach (var import in new[] { first, second })
        {
            var exit = await import.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, $"{import.Name} exited with {exit}:\n{import.Output}");
            var summary = Summary().Match(import.Output);
            Assert.True(summary.Success, import.Output);
            results.Add((Count(summary, "new"), Count(summary, "updated"), Count(summary, "unchanged")));
        }

        return results;
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Imported in [\d.,]+ s: (?<new>\d+) new, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged")]
    private static partial Regex Summary();
}
