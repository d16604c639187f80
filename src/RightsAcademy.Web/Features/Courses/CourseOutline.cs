using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A course's modules and lessons with titles in the viewer's language and the viewer's progress. The titles come
/// and, for a lesson page, the lesson's text come from <see cref="CourseStructures"/> (shared by every learner, kept
/// in memory per content hash); each request reads, in one small command, only the course's hash and what is the
/// viewer's own: enrolment and completed lessons.
/// </summary>
public sealed class CourseOutline
{
    public required Guid CourseId { get; init; }

    public required string CourseSlug { get; init; }

    public required string CourseTitle { get; init; }

    public required string DefaultLanguage { get; init; }

    public required IReadOnlyList<OutlineModule> Modules { get; init; }

    /// <summary>The viewer's enrolment in the course, when there is one.</summary>
    public ViewerEnrolment? Enrolment { get; init; }

    public IEnumerable<OutlineLesson> Lessons => Modules.SelectMany(m => m.Lessons);

    public OutlineLesson? Find(string moduleSlug, string lessonSlug) =>
        Lessons.FirstOrDefault(l => l.ModuleSlug == moduleSlug && l.Slug == lessonSlug);

    public OutlineLesson? Previous(OutlineLesson lesson) => Lessons.TakeWhile(l => l.Id != lesson.Id).LastOrDefault();

    public OutlineLesson? Next(OutlineLesson lesson) => Lessons.SkipWhile(l => l.Id != lesson.Id).Skip(1).FirstOrDefault();

    public static async Task<CourseOutline?> LoadAsync(AppDbContext db, CourseStructures structures, string courseSlug, Guid? userId,
        (string Module, string Lesson)? withBodyOf, CancellationToken cancellationToken)
    {
        var viewer = ContentLanguage.Viewer;
        var course = await ViewerContext(db, courseSlug, userId);
        if (course is null)
        {
            return null;
        }

        var structure = await structures.GetAsync(db, course.Id, course.ContentHash, viewer, cancellationToken);
        if (structure is null)
        {
            return null;
        }

        var shown = withBodyOf is var (module, lesson)
            ? structure.Modules.FirstOrDefault(m => m.Slug == module)?.Lessons.FirstOrDefault(l => l.Slug == lesson)
            : null;
        var body = shown is null ? null : await structures.GetBodyAsync(db, structure, shown, cancellationToken);
        var done = CompletedLessons.Parse(course.Done);
        return new CourseOutline
        {
            CourseId = structure.CourseId,
            CourseSlug = structure.Slug,
            CourseTitle = structure.Title,
            DefaultLanguage = structure.DefaultLanguage,
            Enrolment = course.Enrolment,
            Modules = [.. structure.Modules.Select(m => new OutlineModule(m.Slug, m.Title, [.. m.Lessons.Select(l =>
            {
                var text = l.Id == shown?.Id ? body : null;
                return new OutlineLesson(l.Id, l.ModuleSlug, l.Slug, l.Title, l.Kind, l.Minutes, l.Required, l.PassMark, l.Version,
                    done.Contains(l.Id), l.TextLanguage, text?.Html, text?.Questions);
            })]))],
        };
    }

    // Compiled once: every course and lesson page runs it, and building and looking up the LINQ tree each time cost
    // more of the site's CPU than reading the row. The lesson's text comes from CourseStructures, not from here.
    private static readonly Func<AppDbContext, string, Guid?, Task<ViewerRow?>> ViewerContext = EF.CompileAsyncQuery(
        (AppDbContext db, string courseSlug, Guid? userId) => db.Courses.AsNoTracking()
            .Where(c => c.Slug == courseSlug && c.ArchivedUtc == null)
            .Select(c => new ViewerRow(
                c.Id,
                c.ContentHash,
                db.Enrolments.Where(e => e.CourseId == c.Id && e.UserId == userId)
                    .Select(e => new ViewerEnrolment(e.LastLessonId, e.LastActivityUtc, e.CompletedUtc))
                    .FirstOrDefault(),
                // One column (string_agg, read by CompletedLessons.Parse) rather than a collection: one row, one small result.
                string.Join(CompletedLessons.Separator, db.LessonCompletions.Where(x => x.UserId == userId)
                    .Join(db.Lessons.Where(l => l.CourseId == c.Id), x => x.LessonId, l => l.Id, (x, l) => x.LessonId.ToString()))))
            .SingleOrDefault());

    private sealed record ViewerRow(Guid Id, string ContentHash, ViewerEnrolment? Enrolment, string? Done);
}

public sealed record ViewerEnrolment(Guid? LastLessonId, DateTimeOffset LastActivityUtc, DateTimeOffset? CompletedUtc);

public sealed record OutlineModule(string Slug, string Title, IReadOnlyList<OutlineLesson> Lessons)
{
    public bool IsComplete => Lessons.Where(l => l.Required).All(l => l.Done);
}

/// <param name="TextLanguage">The language the title (and body) are shown in; differs from the viewer's when untranslated.</param>
public sealed record OutlineLesson(Guid Id, string ModuleSlug, string Slug, string Title, LessonKind Kind, int Minutes, bool Required,
    int? PassMark, int Version, bool Done, string TextLanguage, string? Html, IReadOnlyList<QuizQuestionData>? Questions);

/// <summary>
/// A learner's completed lessons of one course as one column: <c>string.Join</c> in a query becomes PostgreSQL's
/// <c>string_agg</c>, so a page reads one row instead of a collection joined beside its other columns.
/// </summary>
internal static class CompletedLessons
{
    public const string Separator = ",";

    public static HashSet<Guid> Parse(string? ids) =>
        string.IsNullOrEmpty(ids) ? [] : [.. ids.Split(Separator).Select(Guid.Parse)];
}
