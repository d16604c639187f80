using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>Starts a translation from a copy of its source, so the trainer translates in place beside it.</summary>
public static class AddTranslation
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <returns>The translation's path, or null when the course or page is not the user's or the language is not a code.</returns>
        public async Task<string?> HandleAsync(string courseSlug, string sourcePath, string language, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            if (draft is null || !LanguageCodes.IsKnown(language) || DraftPaths.Page(sourcePath) is not { IsTranslation: false })
            {
                return null;
            }

            var source = await db.CourseDraftFiles.SingleOrDefaultAsync(f => f.DraftId == draft.Id && f.Path == sourcePath, cancellationToken);
            if (source is null)
            {
                return null;
            }

            var path = DraftPaths.TranslationPath(sourcePath, language);
            if (!await db.CourseDraftFiles.AnyAsync(f => f.DraftId == draft.Id && f.Path == path, cancellationToken))
            {
                var file = DraftFiles.New(path, source.Bytes, user.UserId(), clock.GetUtcNow(), translatedFromHash: source.ContentHash);
                file.DraftId = draft.Id;
                db.CourseDraftFiles.Add(file);
                await db.SaveChangesAsync(cancellationToken);
            }

            return path;
        }
    }
}

/// <summary>
/// A source can change in ways that need no new translation (a typo, a link). Marking a translation up to date
/// is an explicit act by a person who read both, never a side effect of saving something else.
/// </summary>
public static class MarkUpToDate
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<bool> HandleAsync(string courseSlug, string path, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            if (draft is null || DraftPaths.Page(path) is not { IsTranslation: true } page)
            {
                return false;
            }

            var sourceHash = await db.CourseDraftFiles.Where(f => f.DraftId == draft.Id && f.Path == page.SourcePath)
                .Select(f => f.ContentHash).SingleOrDefaultAsync(cancellationToken);
            if (sourceHash is null)
            {
                return false;
            }

            // A direct update, not a tracked save: marking touches no text, so it must not trip the version check
            // of a trainer who is editing the translation at the same moment.
            return await db.CourseDraftFiles.Where(f => f.DraftId == draft.Id && f.Path == path)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.TranslatedFromHash, sourceHash), cancellationToken) == 1;
        }
    }
}
