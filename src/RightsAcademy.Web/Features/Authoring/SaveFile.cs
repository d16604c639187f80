using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Saves one file of a draft if nobody saved it since the trainer opened it. Otherwise nothing is written and
/// the caller gets the other text, so the page can show both and the trainer decides: never a silent overwrite.
/// The version check runs twice: here for a clear answer, and in the UPDATE's WHERE clause (a concurrency
/// token) for two saves that pass the first check at the same moment.
/// </summary>
public static class SaveFile
{
    public abstract record Outcome;

    public sealed record Saved(int Version) : Outcome;

    /// <param name="TheirText">What is stored now; null when the file was moved or deleted meanwhile.</param>
    public sealed record Conflict(string? TheirText, int TheirVersion) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string courseSlug, string path, int expectedVersion, byte[] bytes, ClaimsPrincipal user,
            CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            if (draft is null)
            {
                return new NotFound();
            }

            var file = await db.CourseDraftFiles.SingleOrDefaultAsync(f => f.DraftId == draft.Id && f.Path == path, cancellationToken);
            if (file is null)
            {
                return new Conflict(null, 0);
            }

            if (file.Version != expectedVersion)
            {
                return new Conflict(DraftCompiler.Text(file.Bytes), file.Version);
            }

            var hash = DraftCompiler.Hash(bytes);
            if (hash == file.ContentHash)
            {
                return new Saved(file.Version);
            }

            if (DraftPaths.Page(path) is { IsTranslation: true } page)
            {
                // The translation itself changed: it now follows the source as it is (the import's rule).
                file.TranslatedFromHash = await db.CourseDraftFiles.Where(f => f.DraftId == draft.Id && f.Path == page.SourcePath)
                    .Select(f => f.ContentHash).SingleOrDefaultAsync(cancellationToken);
            }

            file.Bytes = bytes;
            file.ContentHash = hash;
            file.Version++;
            file.UpdatedUtc = clock.GetUtcNow();
            file.UpdatedById = user.UserId();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Saved(file.Version);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var theirs = await db.CourseDraftFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DraftId == draft.Id && f.Path == path, cancellationToken);
                return new Conflict(theirs is null ? null : DraftCompiler.Text(theirs.Bytes), theirs?.Version ?? 0);
            }
        }
    }
}
