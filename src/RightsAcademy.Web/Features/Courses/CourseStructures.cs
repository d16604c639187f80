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

    // Lesson texts are larger (10 to 30 KB of HTML each): sized by their length, 8 million characters (16 MB) hold
    // the few hundred lessons being read at any time; the rest are read from PostgreSQL when asked for.
    private const int MaxBodyCharacters = 8_000_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly MemoryCache bodies = new(new MemoryCacheOptions { SizeLimit = MaxBodyCharacters });

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

    /// <summary>
    /// The text of a lesson in the language its title is shown in. The HTML is rendered at import and changes only
    /// with the course's content hash (which covers every file, images included), so it is kept under that hash;
    /// reading it from PostgreSQL on every view cost the decompression, transfer and decoding of tens of kilobytes.
    /// </summary>
    public async Task<LessonBody?> GetBodyAsync(AppDbContext db, CourseStructure structure, StructureLesson lesson,
        CancellationToken cancellationToken)
    {
        var key = new BodyKey(lesson.Id, lesson.TextLanguage, structure.ContentHash);
        if (bodies.TryGetValue(key, out LessonBody? cached))
        {
            return cached;
        }

        var loaded = await db.LessonTexts.AsNoTracking()
            .Where(t => t.LessonId == lesson.Id && t.Language == lesson.TextLanguage)
            .Select(t => new
            {
                Body = new LessonBody(t.Html, t.Questions),
                db.Courses.Single(c => c.Id == structure.CourseId).ContentHash,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        if (loaded.ContentHash == structure.ContentHash)
        {
            bodies.Set(key, loaded.Body, new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, loaded.Body.Html.Length + loaded.Body.Questions.Sum(q => q.QuestionHtml.Length) * 4),
                SlidingExpiration = TimeSpan.FromMinutes(30),
            });
        }

        return loaded.Body;
    }

    public void Dispose()
    {
        cache.Dispose();
        bodies.Dispose();
    }

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
        var courseTitle = ContentLanguage.Pick(first.CourseTitles, t => t.Language, first.DefaultLanguage, language);
        return new CourseStructure(courseId, first.CourseSlug, first.ContentHash, courseTitle?.Title ?? first.CourseSlug,
            courseTitle?.Language ?? first.DefaultLanguage, first.DefaultLanguage, modules);
    }

    private sealed record Key(Guid CourseId, string ContentHash, string Language);

    private sealed record BodyKey(Guid LessonId, string Language, string CourseContentHash);

    private sealed record TitleRow(string Language, string Title);
}

/// <summary>A lesson's text, rendered and sanitised at import; quiz questions with their answers (never sent to the browser).</summary>
public sealed record LessonBody(string Html, IReadOnlyList<QuizQuestionData> Questions);

public sealed record CourseStructure(Guid CourseId, string Slug, string ContentHash, string Title, string TitleLanguage,
    string DefaultLanguage, IReadOnlyList<StructureModule> Modules)
{
    public IEnumerable<StructureLesson> Lessons => Modules.SelectMany(m => m.Lessons);
}

public sealed record StructureModule(string Slug, string Title, IReadOnlyList<StructureLesson> Lessons);

/// <param name="TextLanguage">The language the title is shown in; differs from the viewer's when untranslated.</param>
public sealed record StructureLesson(Guid Id, string ModuleSlug, string Slug, string Title, LessonKind Kind, int Minutes, bool Required,
    int? PassMark, int Version, string TextLanguage);
