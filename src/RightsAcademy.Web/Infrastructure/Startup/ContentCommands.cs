using System.Diagnostics;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Features.Courses;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary><c>content check</c> (no database) and <c>content import</c>: the same validation either way.</summary>
internal static class ContentCommands
{
    public static int Check(string folder, TextWriter output)
    {
        var (compiled, problems) = Compile(folder);
        foreach (var problem in problems)
        {
            output.WriteLine(problem.Problem);
        }

        var errors = problems.Count(p => p.Problem.Severity == ProblemSeverity.Error);
        output.WriteLine($"{compiled.Count} course(s) valid, {errors} error(s), {problems.Count - errors} warning(s).");
        return errors > 0 ? 1 : 0;
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string folder, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var (compiled, problems) = Compile(folder);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.Problem.ToString());
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
        var report = await importer.ImportAsync(compiled, problems, archiveMissingCourses: true);
        var failed = problems.Where(p => p.Problem.Severity == ProblemSeverity.Error && p.CourseSlug is not null).Select(p => p.CourseSlug).Distinct().Count();
        var folderErrors = problems.Any(p => p.Problem.Severity == ProblemSeverity.Error && p.CourseSlug is null);
        await output.WriteLineAsync(
            $"Imported in {watch.Elapsed.TotalSeconds:0.0} s: {report.Count(ImportOutcome.Created)} new, {report.Count(ImportOutcome.Updated)} updated, " +
            $"{report.Count(ImportOutcome.Unchanged)} unchanged, {report.Count(ImportOutcome.Archived)} archived, {failed} skipped with errors, " +
            $"{report.Count(ImportOutcome.SkippedBrowserEdited)} skipped because they are edited in the browser.");
        return failed > 0 || folderErrors ? 1 : 0;
    }

    /// <summary>Every course compiles on its own, so courses compile in parallel and one broken course skips only itself.</summary>
    internal static (IReadOnlyList<CompiledCourse> Courses, IReadOnlyList<CourseProblem> Problems) Compile(string folder)
    {
        var scan = ContentFolder.Scan(folder);
        var compiler = new CourseCompiler(new CourseUrls());
        var results = new CourseCompileResult[scan.Courses.Count];
        Parallel.For(0, scan.Courses.Count, i => results[i] = compiler.Compile(scan.Courses[i]));
        // Each problem keeps the course it came from: the importer must not guess it from the path.
        var problems = scan.Problems.Select(p => new CourseProblem(null, p))
            .Concat(results.SelectMany((r, i) => r.Problems.Select(p => new CourseProblem(scan.Courses[i].Slug, p))))
            .ToList();
        var courses = results.Where(r => r.Course is not null).Select(r => r.Course!).ToList();
        return (courses, problems);
    }
}
