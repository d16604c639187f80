using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// A lesson or quiz. Its identity is (course, module slug, lesson slug): progress survives re-imports, and a
/// lesson that disappears from the files is archived, never deleted.
/// </summary>
public sealed class Lesson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CourseId { get; set; }

    public Guid ModuleId { get; set; }

    public CourseModule? Module { get; set; }

    public Course? Course { get; set; }

    public required string Slug { get; set; }

    public int Position { get; set; }

    public LessonKind Kind { get; set; }

    public int Minutes { get; set; }

    public bool Required { get; set; } = true;

    public int? PassMark { get; set; }

    /// <summary>Goes up by one each time an import brings a changed source text.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset? ArchivedUtc { get; set; }

    public List<LessonText> Texts { get; set; } = [];
}

public sealed class LessonText : PageTextBase
{
    public Guid LessonId { get; set; }

    /// <summary>Questions with their options, feedback and answers (answers are never sent to the browser).</summary>
    public List<QuizQuestionData> Questions { get; set; } = [];
}

/// <summary>Stored as JSON: read together with the lesson, never queried inside.</summary>
public sealed record QuizQuestionData(string Id, QuestionType Type, string QuestionHtml, IReadOnlyList<QuizOptionData> Options, IReadOnlyList<string> Answer);

public sealed record QuizOptionData(string Id, string TextHtml, string? FeedbackHtml);
