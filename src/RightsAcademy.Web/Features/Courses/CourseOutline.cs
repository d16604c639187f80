using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A course's modules and lessons with titles in the viewer's language and the viewer's progress, read in one
/// query; the lesson page also takes the body of the lesson being read from the same query.
/// </summary>
public sealed class CourseOutline
{
    public required Guid CourseId { get; init; }

    public required string CourseSlug { get; init; }

    public required string CourseTitle { get; init; }

    public required string DefaultLanguage { get; init; }

    public required IReadOnlyList<OutlineModule> Modules { get; init; }

    public IEnumerable<OutlineLesson> Lessons => Modules.SelectMany(m => m.Lessons);

    public OutlineLesson? Find(string moduleSlug, string lessonSlug) =>
        Lessons.FirstOrDefault(l => l.ModuleSlug == moduleSlug && l.Slug == lessonSlug);

    public OutlineLesson? Previous(OutlineLesson lesson) => Lessons.TakeWhile(l => l.Id != lesson.Id).LastOrDefault();

    public OutlineLesson? Next(OutlineLesson lesson) => Lessons.SkipWhile(l => l.Id != lesson.Id).Skip(1).FirstOrDefault();

    public static async Task<CourseOutline?> LoadAsync(AppDbContext db, string courseSlug, Guid? userId,
        (string Module, string Lesson)? withBodyOf, CancellationToken cancellationToken)
    {
        var viewer = ContentLanguage.Viewer;
        var bodyModule = withBodyOf?.Module ?? "";
        var bodyLesson = withBodyOf?.Lesson ?? "";
        var rows = await db.Lessons.AsNoTracking()
            .Where(l => l.Course!.Slug == courseSlug && l.Course.ArchivedUtc == null && l.ArchivedUtc == null)
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
                l.CourseId,
                l.Course!.DefaultLanguage,
                CourseTitles = l.Course.Texts.Where(t => t.Language == viewer || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title, null)).ToList(),
                ModuleId = l.Module!.Id,
                ModuleSlug = l.Module.Slug,
                ModulePosition = l.Module.Position,
                ModuleTitles = l.Module.Texts.Where(t => t.Language == viewer || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title, null)).ToList(),
                Texts = l.Texts.Where(t => t.Language == viewer || t.Language == l.Course.DefaultLanguage)
                    .Select(t => new TitleRow(t.Language, t.Title,
                        l.Slug == bodyLesson && l.Module.Slug == bodyModule ? new BodyRow(t.Html, t.Questions) : null))
                    .ToList(),
                Done = userId != null && db.LessonCompletions.Any(c => c.UserId == userId && c.LessonId == l.Id),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var first = rows[0];
        var modules = rows
            .GroupBy(r => new { r.ModuleId, r.ModuleSlug, r.ModulePosition })
            .OrderBy(g => g.Key.ModulePosition)
            .Select(g =>
            {
                var title = ContentLanguage.Pick(g.First().ModuleTitles, t => t.Language, first.DefaultLanguage);
                return new OutlineModule(g.Key.ModuleSlug, title?.Title ?? g.Key.ModuleSlug,
                    [.. g.OrderBy(r => r.Position).Select(r =>
                    {
                        var text = ContentLanguage.Pick(r.Texts, t => t.Language, first.DefaultLanguage);
                        return new OutlineLesson(r.Id, g.Key.ModuleSlug, r.Slug, text?.Title ?? r.Slug, r.Kind, r.Minutes, r.Required,
                            r.PassMark, r.Version, r.Done, text?.Language ?? first.DefaultLanguage, text?.Body?.Html, text?.Body?.Questions);
                    })]);
            })
            .ToList();
        var courseTitle = ContentLanguage.Pick(first.CourseTitles, t => t.Language, first.DefaultLanguage)?.Title ?? courseSlug;
        return new CourseOutline
        {
            CourseId = first.CourseId,
            CourseSlug = courseSlug,
            CourseTitle = courseTitle,
            DefaultLanguage = first.DefaultLanguage,
            Modules = modules,
        };
    }

    private sealed record TitleRow(string Language, string Title, BodyRow? Body);

    private sealed record BodyRow(string Html, List<QuizQuestionData> Questions);
}

public sealed record OutlineModule(string Slug, string Title, IReadOnlyList<OutlineLesson> Lessons)
{
    public bool IsComplete => Lessons.Where(l => l.Required).All(l => l.Done);
}

/// <param name="TextLanguage">The language the title (and body) are shown in; differs from the viewer's when untranslated.</param>
public sealed record OutlineLesson(Guid Id, string ModuleSlug, string Slug, string Title, LessonKind Kind, int Minutes, bool Required,
    int? PassMark, int Version, bool Done, string TextLanguage, string? Html, IReadOnlyList<QuizQuestionData>? Questions);
