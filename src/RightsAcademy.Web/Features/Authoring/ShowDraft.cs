using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>A course's workspace page: its pages in order with their translations, assets, what `content check`
/// would say, the published versions and the owners.</summary>
public static class ShowDraft
{
    public sealed record PageRow(string Path, string Title, string? Language, bool IsStale, int Errors);

    public sealed record LessonRow(PageRow Page, IReadOnlyList<PageRow> Translations);

    public sealed record ModuleRow(string Folder, PageRow? Page, IReadOnlyList<PageRow> Translations, IReadOnlyList<LessonRow> Lessons);

    public sealed record VersionRow(int Number, DateTimeOffset PublishedUtc, string PublishedBy);

    public sealed record Page(
        string Slug,
        string Title,
        int PublishedVersion,
        bool HasUnpublishedChanges,
        PageRow? CoursePage,
        IReadOnlyList<PageRow> CourseTranslations,
        IReadOnlyList<ModuleRow> Modules,
        IReadOnlyList<string> Assets,
        IReadOnlyList<ContentProblem> Problems,
        IReadOnlyList<VersionRow> Versions,
        IReadOnlyList<string> Owners,
        IReadOnlyList<string> OtherLanguages);

    public sealed class Handler(AppDbContext db, DraftCompiler compiler)
    {
        public async Task<Page?> HandleAsync(string courseSlug, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.Editable(user).AsNoTracking().Include(d => d.Files).AsSplitQuery()
                .SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return null;
            }

            var result = compiler.Compile(draft.Slug, DraftCompiler.Files(draft.Files), forPreview: true);
            var byPath = draft.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            PageRow Row(CourseDraftFile f) => new(f.Path, PageDocument.Split(f.Path, DraftCompiler.Text(f.Bytes), f.Version).Title ?? "",
                DraftPaths.Page(f.Path)?.Language, DraftFiles.IsStale(f, byPath), result.Problems.Count(p => p.Path == f.Path && p.Severity == ProblemSeverity.Error));
            List<PageRow> TranslationsOf(string sourcePath) => [.. draft.Files
                .Where(f => DraftPaths.Page(f.Path) is { IsTranslation: true } p && p.SourcePath == sourcePath)
                .OrderBy(f => f.Path, StringComparer.Ordinal).Select(Row)];

            var modules = draft.Files.Select(f => DraftPaths.Page(f.Path)).OfType<DraftPage>().Where(p => p.Folder is not null)
                .Select(p => p.Folder!).Distinct().Order(StringComparer.Ordinal)
                .Select(folder => new ModuleRow(folder,
                    byPath.TryGetValue(folder + "/module.md", out var m) ? Row(m) : null,
                    TranslationsOf(folder + "/module.md"),
                    [.. draft.Files.Where(f => DraftPaths.Page(f.Path) is { Kind: DraftPageKind.Lesson, IsTranslation: false } p && p.Folder == folder)
                        .OrderBy(f => f.Path, StringComparer.Ordinal)
                        .Select(f => new LessonRow(Row(f), TranslationsOf(f.Path)))]))
                .ToList();

            var published = await db.CourseVersions.Where(v => v.DraftId == draft.Id && v.Number == draft.PublishedVersion)
                .SelectMany(v => v.Files.Select(f => new { f.Path, f.ContentHash })).ToListAsync(cancellationToken);
            var changed = draft.PublishedVersion == 0 || published.Count != draft.Files.Count
                || published.Any(p => !byPath.TryGetValue(p.Path, out var f) || f.ContentHash != p.ContentHash);

            var versions = await db.CourseVersions.Where(v => v.DraftId == draft.Id).OrderByDescending(v => v.Number)
                .Join(db.Users, v => v.PublishedById, u => u.Id, (v, u) => new VersionRow(v.Number, v.PublishedUtc, u.DisplayName))
                .ToListAsync(cancellationToken);
            var owners = await db.CourseOwners.Where(o => o.DraftId == draft.Id).Join(db.Users, o => o.UserId, u => u.Id, (o, u) => u.Email!)
                .OrderBy(e => e).ToListAsync(cancellationToken);

            var course = byPath.TryGetValue("course.md", out var c) ? Row(c) : null;
            var languages = result.Course?.Languages ?? [];
            return new Page(draft.Slug, course?.Title ?? draft.Slug, draft.PublishedVersion, changed, course, TranslationsOf("course.md"), modules,
                [.. draft.Files.Where(f => DraftPaths.IsAsset(f.Path)).Select(f => f.Path).Order(StringComparer.Ordinal)],
                result.Problems, versions, owners,
                [.. languages.Where(l => l != result.Course?.DefaultLanguage)]);
        }
    }
}
