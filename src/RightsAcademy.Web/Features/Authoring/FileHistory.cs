using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>A page's published versions, and the line diff of one of them against the version before it or
/// against the current draft.</summary>
public static class FileHistory
{
    public sealed record VersionRow(int Number, DateTimeOffset PublishedUtc, string PublishedBy, bool Changed);

    /// <param name="From">"Version n" / draft label parts: the number, or null for the draft or for nothing.</param>
    public sealed record Comparison(int? From, int? To, bool ToDraft, IReadOnlyList<DiffLine> Lines);

    public sealed record Page(string Slug, string Path, string Title, IReadOnlyList<VersionRow> Versions, Comparison? Diff);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page?> HandleAsync(string courseSlug, string path, int? version, bool againstDraft, ClaimsPrincipal user,
            CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            if (draft is null || DraftPaths.Page(path) is null)
            {
                return null;
            }

            var files = await db.CourseVersions.Where(v => v.DraftId == draft.Id)
                .Join(db.Users, v => v.PublishedById, u => u.Id, (v, u) => new { v.Number, v.PublishedUtc, u.DisplayName, v.Id })
                .GroupJoin(db.CourseVersionFiles.Where(f => f.Path == path), v => v.Id, f => f.VersionId, (v, f) => new { v, f })
                .SelectMany(x => x.f.DefaultIfEmpty(), (x, f) => new { x.v.Number, x.v.PublishedUtc, x.v.DisplayName, Hash = f == null ? null : f.ContentHash, Bytes = f == null ? null : f.Bytes })
                .OrderBy(x => x.Number).ToListAsync(cancellationToken);
            var present = files.Where(f => f.Hash is not null).ToList();
            var rows = present.Select((f, i) => new VersionRow(f.Number, f.PublishedUtc, f.DisplayName, i == 0 || present[i - 1].Hash != f.Hash))
                .Reverse().ToList();

            var current = await db.CourseDraftFiles.Where(f => f.DraftId == draft.Id && f.Path == path).Select(f => f.Bytes).SingleOrDefaultAsync(cancellationToken);
            Comparison? diff = null;
            if (version is { } n && present.FirstOrDefault(f => f.Number == n) is { } chosen)
            {
                if (againstDraft)
                {
                    diff = new Comparison(n, null, true, LineDiff.Compare(DraftCompiler.Text(chosen.Bytes!), current is null ? "" : DraftCompiler.Text(current)));
                }
                else
                {
                    var previous = present.LastOrDefault(f => f.Number < n);
                    diff = new Comparison(previous?.Number, n, false,
                        LineDiff.Compare(previous is null ? "" : DraftCompiler.Text(previous.Bytes!), DraftCompiler.Text(chosen.Bytes!)));
                }
            }

            var title = current is null ? path : PageDocument.Split(path, DraftCompiler.Text(current), 0).Title is { Length: > 0 } t ? t : path;
            return new Page(draft.Slug, path, title, rows, diff);
        }
    }
}

/// <summary>Puts a published version of a page back into the draft (a new draft edit, published like any other).</summary>
public static class RestoreVersion
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<bool> HandleAsync(string courseSlug, string path, int version, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            var old = draft is null ? null : await db.CourseVersions.Where(v => v.DraftId == draft.Id && v.Number == version)
                .SelectMany(v => v.Files).Where(f => f.Path == path).SingleOrDefaultAsync(cancellationToken);
            if (draft is null || old is null)
            {
                return false;
            }

            var file = await db.CourseDraftFiles.SingleOrDefaultAsync(f => f.DraftId == draft.Id && f.Path == path, cancellationToken);
            if (file is null)
            {
                file = DraftFiles.New(path, old.Bytes, user.UserId(), clock.GetUtcNow());
                file.DraftId = draft.Id;
                db.CourseDraftFiles.Add(file);
            }
            else if (file.ContentHash != old.ContentHash)
            {
                file.Bytes = old.Bytes;
                file.ContentHash = old.ContentHash;
                file.Version++;
                file.UpdatedUtc = clock.GetUtcNow();
                file.UpdatedById = user.UserId();
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
