using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Reorders a module or a lesson by swapping its NN- number with its neighbour's, renaming the files (and
/// translations) as a trainer would in a folder. Slugs do not change, so learners' progress stays attached.
/// </summary>
public static class MoveItem
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<bool> HandleAsync(string courseSlug, string path, bool up, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.Editable(user).Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return false;
            }

            var isModule = !path.Contains('/', StringComparison.Ordinal);
            var folder = isModule ? "" : path[..path.IndexOf('/', StringComparison.Ordinal)];
            // Siblings by name: "01-basics" for modules, "02-intro" (no .md) for lessons of one module.
            var siblings = (isModule
                ? draft.Files.Select(f => DraftPaths.Page(f.Path)?.Folder).OfType<string>()
                : draft.Files.Select(f => DraftPaths.Page(f.Path)).Where(p => p is { Kind: DraftPageKind.Lesson, IsTranslation: false } && p.Folder == folder)
                    .Select(p => p!.Path[(folder.Length + 1)..^3]))
                .Distinct().Where(n => DraftPaths.Number(n) is not null).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var name = isModule ? path : path[(folder.Length + 1)..^3];
            var index = siblings.IndexOf(name);
            var other = up ? index - 1 : index + 1;
            if (index < 0 || other < 0 || other >= siblings.Count)
            {
                return index >= 0;
            }

            var neighbour = siblings[other];
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            void Rename(string from, string to)
            {
                var prefix = isModule ? from + "/" : $"{folder}/{from}.";
                var target = isModule ? to + "/" : $"{folder}/{to}.";
                foreach (var file in draft.Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    renames[file.Path] = target + file.Path[prefix.Length..];
                }
            }

            var number = DraftPaths.Number(name)!.Value;
            var neighbourNumber = DraftPaths.Number(neighbour)!.Value;
            Rename(name, DraftPaths.Numbered(neighbourNumber, DraftPaths.Slug(name)));
            Rename(neighbour, DraftPaths.Numbered(number, DraftPaths.Slug(neighbour)));

            // The path is part of the key: rows are replaced, inside one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = draft.Files.Where(f => renames.ContainsKey(f.Path)).ToList();
            db.CourseDraftFiles.RemoveRange(moved);
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow();
            db.CourseDraftFiles.AddRange(moved.Select(f => new CourseDraftFile
            {
                DraftId = draft.Id,
                Path = renames[f.Path],
                Bytes = f.Bytes,
                ContentHash = f.ContentHash,
                TranslatedFromHash = f.TranslatedFromHash,
                Version = f.Version + 1,
                UpdatedUtc = now,
                UpdatedById = user.UserId(),
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
