using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.ContentImport;

/// <summary>The problems the last import found, by course folder, for the trainers who fix them.</summary>
public static class ListImportProblems
{
    public sealed record Row(string Path, int Line, bool IsError, string Code, string Message);

    /// <param name="CourseSlug">Null for problems with the content folder itself rather than one course.</param>
    public sealed record CourseGroup(string? CourseSlug, bool HasErrors, IReadOnlyList<Row> Problems);

    /// <param name="FoundUtc">When the import that produced this list ran (later imports finding the same problems
    /// write nothing); null when there are none.</param>
    /// <param name="AnyCourseImported">Tells "the last import was clean" from "nothing was ever imported".</param>
    public sealed record Page(DateTimeOffset? FoundUtc, int Errors, int Warnings, bool AnyCourseImported, IReadOnlyList<CourseGroup> Courses);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(CancellationToken cancellationToken)
        {
            var problems = await db.ImportProblems.AsNoTracking().ToListAsync(cancellationToken);
            if (problems.Count == 0)
            {
                return new Page(null, 0, 0, await db.Courses.AnyAsync(cancellationToken), []);
            }

            // Ordinal order, as `content check` prints them: file by file, top to bottom. Problems with the folder
            // itself come first because they can hide every course.
            var groups = problems
                .GroupBy(p => p.CourseSlug)
                .OrderBy(g => g.Key is not null).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CourseGroup(g.Key, g.Any(p => p.IsError), [.. g
                    .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Id)
                    .Select(p => new Row(p.Path, p.Line, p.IsError, p.Code, p.Message))]))
                .ToList();
            return new Page(problems.Max(p => p.FoundUtc), problems.Count(p => p.IsError), problems.Count(p => !p.IsError), true, groups);
        }
    }
}
