using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A course's modules and lessons with their titles in one language: the same for every learner, so it is read
/// once per node and kept in memory. Entries are keyed by the course's content hash, which every request reads
/// from the database anyway: a re-import or a publish changes the hash, so every node sees the new outline on its
/// next request without any invalidation message between nodes.
/// </summary>
public sealed class CourseStructures : IDisposable
{
    // One entry is one course in one language, a few kilobytes of titles: 4,000 is 60 courses in every language
    // many times over, and still a few megabytes at most.
    private const int MaxEntries = 4_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public async Task<CourseStructure?> GetAsync(AppDbContext db, Guid courseId, string contentHash, string language,
        CancellationToken cancellationToken)
    {
        var key = new Key(courseId, contentHash, language);
        if (cache.TryGetValue(key, out CourseStructure? cached))
        {
            return cached;
        }

        var loaded = await LoadAsync(db, courseId, language, cancellationToken);
        // An import may have committed between the caller's read of the hash and this read: then what was loaded
        // belongs to another hash, and is used once but not kept under this one.
        if (loaded is not null && loaded.ContentHash == contentHash)
        {
            cache.Set(key, loaded, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return loaded;
    }

    public void Dispose() => cache.Dispose();

    private static async Task<CourseStructure?> LoadAsync(AppDbContext db, Guid courseId, string language, CancellationToken cancellationToken)
    {
        var rows = await db.Lessons.AsNoTracking()
            .Where(l => l.CourseId == courseId && l.ArchivedUtc == null)
            .Select(l => new
            {
                l.Id,
                l.Slug,
                l.Position,
                l.Kind,
                l.Minutes,
                l.Required,
                l.PassMark,
                l.Version,
                CourseSlug = l.Course!.Slug,
                l.Course.DefaultLanguage,
                l.Course.ContentHash,
                CourseTitles = l.Course.Texts.Where(t => t.Language == language || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title)).ToList(),
                ModuleSlug = l.Module!.Slug,
                ModulePosition = l.Module.Position,
                ModuleTitles = l.Module.Texts.Where(t => t.Language == language || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title)).ToList(),
                Titles = l.Texts.Where(t => t.Language == language || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        var modules = rows
            .GroupBy(r => new { r.ModuleSlug, r.ModulePosition })
            .OrderBy(g => g.Key.ModulePosition)
            .Select(g =>
            {
                var title = ContentLanguage.Pick(g.First().ModuleTitles, t => t.Language, first.DefaultLanguage, language);
                return new StructureModule(g.Key.ModuleSlug, title?.Title ?? g.Key.ModuleSlug,
                    [.. g.OrderBy(r => r.Position).Select(r =>
                    {
                        var text = ContentLanguage.Pick(r.Titles, t => t.Language, first.DefaultLanguage, language);
                        return new StructureLesson(r.Id, g.Key.ModuleSlug, r.Slug, text?.Title ?? r.Slug, r.Kind, r.Minutes, r.Required,
                            r.PassMark, r.Version, text?.Language ?? first.DefaultLanguage);
                    })]);
            })
            .ToList();
        var courseTitle = ContentLanguage.Pick(first.CourseTitles, t => t.Language, first.DefaultLanguage, language)?.Title ?? first.CourseSlug;
        return new CourseStructure(courseId, first.CourseSlug, first.ContentHash, courseTitle, first.DefaultLanguage, modules);
    }

    private sealed record Key(Guid CourseId, string ContentHash, string Language);

    private sealed record TitleRow(string Language, string Title);
}

public sealed record CourseStructure(Guid CourseId, string Slug, string ContentHash, string Title, string DefaultLanguage,
    IReadOnlyList<StructureModule> Modules);

public sealed record StructureModule(string Slug, string Title, IReadOnlyList<StructureLesson> Lessons);

/// <param name="TextLanguage">The language the title is shown in; differs from the viewer's when untranslated.</param>
public sealed record StructureLesson(Guid Id, string ModuleSlug, string Slug, string Title, LessonKind Kind, int Minutes, bool Required,
    int? PassMark, int Version, string TextLanguage);
