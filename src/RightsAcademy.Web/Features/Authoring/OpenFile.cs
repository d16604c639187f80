using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// One page of a draft with everything the editor shows around it: its source (for a translation, side by side),
/// whether it is stale, and the whole course compiled with this page's text — the stored one, or for a preview
/// the text just typed — so validation and preview are exactly what publishing would do.
/// </summary>
public static class OpenFile
{
    public sealed record Opened(
        string Slug,
        CourseDraftFile File,
        DraftPage Page,
        CourseDraftFile? Source,
        bool IsStale,
        IReadOnlyList<string> ExistingTranslations,
        IReadOnlyList<string> OtherLanguages,
        CourseCompileResult Compiled);

    public sealed class Handler(AppDbContext db, DraftCompiler compiler)
    {
        public async Task<Opened?> HandleAsync(string courseSlug, string path, ClaimsPrincipal user, byte[]? candidate, CancellationToken cancellationToken)
        {
            var draft = await db.Editable(user).AsNoTracking().Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            var file = draft?.Files.SingleOrDefault(f => f.Path == path);
            if (draft is null || file is null || DraftPaths.Page(path) is not { } page)
            {
                return null;
            }

            var files = DraftCompiler.Files(draft.Files).Select(f => f.Path == path && candidate is not null ? f with { Bytes = candidate } : f);
            var compiled = compiler.Compile(draft.Slug, files, forPreview: true);
            var byPath = draft.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var source = page.IsTranslation ? byPath.GetValueOrDefault(page.SourcePath) : null;
            var translations = draft.Files.Select(f => DraftPaths.Page(f.Path)).OfType<DraftPage>()
                .Where(p => p.IsTranslation && p.SourcePath == page.SourcePath).Select(p => p.Language!).Order(StringComparer.Ordinal).ToList();
            var languages = compiled.Course?.Languages.Where(l => l != compiled.Course.DefaultLanguage).ToList() ?? [];
            return new Opened(draft.Slug, file, page, source, DraftFiles.IsStale(file, byPath), translations, languages, compiled);
        }
    }
}
