using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Startup;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

/// <summary>Runs an import the way <c>content import</c> does: compile the folder, then one importer in its own scope.</summary>
internal static class Importing
{
    private static readonly string[] ContentTables =
        ["Courses", "CourseTexts", "Modules", "ModuleTexts", "Lessons", "LessonTexts", "CourseAssets", "ImportProblems"];

    public static async Task<ImportResult> ImportAsync(this RightsAcademyFactory factory, string folder)
    {
        var (courses, problems) = ContentCommands.Compile(folder);
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
        var report = await importer.ImportAsync(courses, problems, archiveMissingCourses: true);
        return new ImportResult(report, [.. problems.Select(p => p.Problem)]);
    }

    public static async Task<T> QueryAsync<T>(this RightsAcademyFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Every row of the content tables as (ctid, xmin): an UPDATE writes a new row version (new ctid and xmin),
    /// an INSERT or DELETE changes the set, so equal snapshots mean nothing was written.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> RowVersionsAsync(this RightsAcademyFactory factory)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in ContentTables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*)::text || ' ' || coalesce(string_agg(ctid::text || '@' || xmin::text, ',' ORDER BY ctid), '') FROM \"{table}\"",
                connection);
            versions[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return versions;
    }

    /// <summary>Names the tables that changed, so a failure says where the import wrote.</summary>
    public static void AssertSameRows(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = before.Keys.Where(table => before[table] != after[table]).ToList();
        Assert.True(changed.Count == 0, "rows were written in: " + string.Join(", ", changed));
    }

    public static ImportOutcome? OutcomeOf(this ImportReport report, string slug) =>
        report.Courses.Where(c => c.Slug == slug).Select(c => (ImportOutcome?)c.Outcome).SingleOrDefault();
}

internal sealed record ImportResult(ImportReport Report, IReadOnlyList<ContentProblem> Problems)
{
    public IReadOnlyList<ContentProblem> Errors => [.. Problems.Where(p => p.Severity == ProblemSeverity.Error)];
}
