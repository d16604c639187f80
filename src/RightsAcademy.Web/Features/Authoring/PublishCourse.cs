using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Publishes a draft: the same compile and import as `content import`, refused while there is an error, and a
/// numbered version with a copy of every file, all in one transaction so learners never see a half-published
/// course and every published state has its files.
/// </summary>
public static class PublishCourse
{
    public abstract record Outcome;

    public sealed record Published(int Number) : Outcome;

    public sealed record Refused(IReadOnlyList<ContentProblem> Problems) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed class Handler(AppDbContext db, DraftCompiler compiler, CourseImporter importer, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string courseSlug, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var draft = await db.Editable(user).Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return new NotFound();
            }

            // One publish of a course at a time: the version number is read and written under this row lock.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"CourseDrafts\" WHERE \"Id\" = {draft.Id} FOR UPDATE", cancellationToken);
            var result = compiler.Compile(draft.Slug, DraftCompiler.Files(draft.Files));
            if (result.HasErrors || result.Course is null)
            {
                return new Refused(result.Problems);
            }

            await importer.ImportPublishedAsync(result.Course, cancellationToken);
            await ApplyStalenessAsync(result.Course.Slug, draft.Files, cancellationToken);

            var now = clock.GetUtcNow();
            var number = (await db.CourseVersions.Where(v => v.DraftId == draft.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            var version = new CourseVersion { DraftId = draft.Id, Number = number, PublishedUtc = now, PublishedById = user.UserId()!.Value };
            version.Files.AddRange(draft.Files.Select(f => new CourseVersionFile { Path = f.Path, Bytes = f.Bytes, ContentHash = f.ContentHash }));
            db.CourseVersions.Add(version);
            draft.PublishedVersion = number;
            draft.PublishedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Published(number);
        }

        /// <summary>
        /// In the browser a translation can be marked up to date without changing a word, which the import cannot
        /// see in the files: the draft's own record decides what /author/stale-translations shows.
        /// </summary>
        private async Task ApplyStalenessAsync(string slug, List<CourseDraftFile> files, CancellationToken cancellationToken)
        {
            var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var courseId = await db.Courses.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync(cancellationToken);
            var texts = new List<PageTextBase>();
            texts.AddRange(await db.CourseTexts.Where(t => t.CourseId == courseId && t.TranslatedFromHash != null).ToListAsync(cancellationToken));
            texts.AddRange(await db.ModuleTexts.Where(t => t.TranslatedFromHash != null && db.Modules.Any(m => m.Id == t.ModuleId && m.CourseId == courseId))
                .ToListAsync(cancellationToken));
            texts.AddRange(await db.LessonTexts.Where(t => t.TranslatedFromHash != null && db.Lessons.Any(l => l.Id == t.LessonId && l.CourseId == courseId))
                .ToListAsync(cancellationToken));
            foreach (var text in texts)
            {
                if (byPath.TryGetValue(text.SourcePath, out var file) && DraftPaths.Page(file.Path) is { IsTranslation: true } page
                    && byPath.TryGetValue(page.SourcePath, out var source))
                {
                    text.TranslatedFromHash = file.TranslatedFromHash ?? source.ContentHash;
                    text.IsStale = text.TranslatedFromHash != source.ContentHash;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
