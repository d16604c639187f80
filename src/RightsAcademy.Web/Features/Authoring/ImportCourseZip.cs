using System.IO.Compression;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Turns a zip of one course folder (as exported) back into a draft's files: new course, or the same files
/// replacing a draft the user may edit. Files are kept even with errors — it is a draft — and the validation
/// report is returned for the page; publishing stays refused until it is clean.
/// </summary>
public static class ImportCourseZip
{
    public const int MaxEntries = 2000;
    public const long MaxUnpackedBytes = 20 * 1024 * 1024;

    public abstract record Outcome;

    public sealed record Imported(string Slug, IReadOnlyList<ContentProblem> Problems) : Outcome;

    /// <param name="Key">Resource key of the reason.</param>
    public sealed record Refused(string Key) : Outcome;

    public sealed class Handler(AppDbContext db, DraftCompiler compiler, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Stream zip, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var read = await ReadAsync(zip, cancellationToken);
            if (read is Refused refused)
            {
                return refused;
            }

            var (slug, files) = ((string, List<SourceFile>))((Read)read).Value;
            var draft = await db.CourseDrafts.Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
            var now = clock.GetUtcNow();
            var userId = user.UserId()!.Value;
            if (draft is null)
            {
                // A course from the content folder becomes a browser course only by an admin's decision: from then on
                // the browser wins over the files (docs/decisions/0004-browser-edits-win.md).
                if (await db.Courses.AnyAsync(c => c.Slug == slug, cancellationToken) && !user.IsInRole(Roles.Admin))
                {
                    return new Refused("Author.ImportNotOwner");
                }

                draft = new CourseDraft { Slug = slug, CreatedUtc = now, CreatedById = userId };
                draft.Owners.Add(new CourseOwner { UserId = userId, AddedUtc = now });
                db.CourseDrafts.Add(draft);
            }
            else if (!await db.Editable(user).AnyAsync(d => d.Id == draft.Id, cancellationToken))
            {
                return new Refused("Author.ImportNotOwner");
            }

            Replace(draft, files, userId, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Imported(slug, compiler.Compile(slug, files, forPreview: true).Problems);
        }

        /// <summary>Unchanged files keep their row (and version); changed ones are updated like a save.</summary>
        private static void Replace(CourseDraft draft, List<SourceFile> files, Guid userId, DateTimeOffset now)
        {
            var incoming = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var hashes = files.ToDictionary(f => f.Path, f => DraftCompiler.Hash(f.Bytes), StringComparer.Ordinal);
            draft.Files.RemoveAll(f => !incoming.ContainsKey(f.Path));
            foreach (var file in files)
            {
                var hash = hashes[file.Path];
                var sourceHash = DraftPaths.Page(file.Path) is { IsTranslation: true } page ? hashes.GetValueOrDefault(page.SourcePath) : null;
                var existing = draft.Files.SingleOrDefault(f => f.Path == file.Path);
                if (existing is null)
                {
                    draft.Files.Add(DraftFiles.New(file.Path, file.Bytes, userId, now, sourceHash));
                }
                else if (existing.ContentHash != hash)
                {
                    existing.Bytes = file.Bytes;
                    existing.ContentHash = hash;
                    existing.Version++;
                    existing.UpdatedUtc = now;
                    existing.UpdatedById = userId;
                    existing.TranslatedFromHash = sourceHash;
                }
            }
        }

        private sealed record Read(object Value) : Outcome;

        /// <summary>Reads the entries without trusting the sizes the zip declares, and refuses paths that could
        /// leave the course folder.</summary>
        private static async Task<Outcome> ReadAsync(Stream zip, CancellationToken cancellationToken)
        {
            ZipArchive archive;
            try
            {
                archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException)
            {
                return new Refused("Author.ZipInvalid");
            }

            using (archive)
            {
                if (archive.Entries.Count > MaxEntries)
                {
                    return new Refused("Author.ZipTooLarge");
                }

                string? slug = null;
                var files = new List<SourceFile>();
                long total = 0;
                foreach (var entry in archive.Entries)
                {
                    var name = entry.FullName;
                    if (name.EndsWith('/'))
                    {
                        continue;
                    }

                    var segments = name.Split('/');
                    if (name.Contains('\\', StringComparison.Ordinal) || segments.Length < 2 || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
                    {
                        return new Refused("Author.ZipInvalid");
                    }

                    // Editor and OS litter, skipped as the folder scan skips hidden files.
                    if (segments.Any(s => s.StartsWith('.')) || segments[0] == "__MACOSX")
                    {
                        continue;
                    }

                    if (slug is not null && segments[0] != slug)
                    {
                        return new Refused("Author.ZipInvalid");
                    }

                    slug = segments[0];
                    using var buffer = new MemoryStream();
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                    {
                        var chunk = new byte[81920];
                        int count;
                        while ((count = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                        {
                            total += count;
                            if (total > MaxUnpackedBytes)
                            {
                                return new Refused("Author.ZipTooLarge");
                            }

                            buffer.Write(chunk, 0, count);
                        }
                    }

                    files.Add(new SourceFile(string.Join('/', segments[1..]), buffer.ToArray()));
                }

                if (slug is null || !Slugs.IsSlug(slug) || files.All(f => f.Path != "course.md") || files.Count > files.Select(f => f.Path).Distinct().Count())
                {
                    return new Refused("Author.ZipInvalid");
                }

                return new Read((slug, files));
            }
        }
    }
}
