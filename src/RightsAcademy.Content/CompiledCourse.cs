namespace RightsAcademy.Content;

public enum CourseLevel { Introductory, Intermediate, Advanced }

public enum EnrolmentMode
{
    /// <summary>Anyone signed in may enrol.</summary>
    Open,

    /// <summary>Only through a cohort.</summary>
    Cohort,
}

public enum LessonKind { Lesson, Quiz }

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "'single' is the word trainers write in quiz YAML; the name is fixed by the shared API.")]
public enum QuestionType
{
    /// <summary>Exactly one option is correct.</summary>
    Single,

    /// <summary>Every correct option and no other must be chosen.</summary>
    Multiple,
}

/// <param name="AllRequiredLessons">`required_lessons: all`: every lesson whose `required` is not false must be completed.</param>
/// <param name="QuizzesPassed">Every required quiz passed at its pass mark.</param>
/// <param name="MinSessions">Peer-exchange sessions attended (cohort runs only); 0 = none needed.</param>
public sealed record CompletionRule(bool AllRequiredLessons, bool QuizzesPassed, int MinSessions)
{
    public static CompletionRule Default { get; } = new(true, true, 0);
}

/// <summary>A course that compiled without errors: everything the web app needs to import it.</summary>
/// <param name="Texts">By language code: course.md and its translations.</param>
/// <param name="ContentHash">SHA-256 hex over every file's path and bytes, independent of file order,
/// so an unchanged course can be skipped on import.</param>
public sealed record CompiledCourse(
    string Slug,
    string DefaultLanguage,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Themes,
    decimal EstimatedHours,
    CourseLevel Level,
    EnrolmentMode Enrolment,
    CompletionRule Completion,
    string? Issuer,
    IReadOnlyDictionary<string, PageText> Texts,
    IReadOnlyList<CompiledModule> Modules,
    IReadOnlyList<CompiledAsset> Assets,
    string ContentHash);

/// <param name="Slug">Stable identity (the folder name without its number).</param>
/// <param name="Position">1-based place in the course, after ordering by the NN- prefix.</param>
public sealed record CompiledModule(
    string Slug,
    int Position,
    IReadOnlyDictionary<string, PageText> Texts,
    IReadOnlyList<CompiledLesson> Lessons);

/// <param name="Slug">Stable identity (the file name without number and extension); progress hangs on it.</param>
/// <param name="Position">1-based place in the module, after ordering by the NN- prefix.</param>
/// <param name="PassMark">Percent needed to pass; only for quizzes.</param>
public sealed record CompiledLesson(
    string Slug,
    int Position,
    LessonKind Kind,
    int Minutes,
    bool Required,
    int? PassMark,
    IReadOnlyDictionary<string, PageText> Texts);

/// <summary>One page in one language.</summary>
/// <param name="Title">Plain text (not HTML): the web app escapes it.</param>
/// <param name="Summary">Plain text, or null.</param>
/// <param name="Html">Rendered and sanitised body; for quizzes the introduction only.</param>
/// <param name="Path">Source path relative to the course folder.</param>
/// <param name="ContentHash">SHA-256 hex of this file's bytes.</param>
/// <param name="SourceContentHash">For a translation: the ContentHash of its source-language file, so the web
/// app can flag the translation as stale when the source changes later; null for the source itself.</param>
/// <param name="Questions">Empty unless a quiz. In a translation, in the source's order with the source's answers.</param>
public sealed record PageText(
    string Language,
    string Title,
    string? Summary,
    string Html,
    string Path,
    string ContentHash,
    string? SourceContentHash,
    IReadOnlyList<QuizQuestion> Questions);

/// <param name="QuestionHtml">Inline Markdown rendered and sanitised (no surrounding paragraph).</param>
/// <param name="Answer">Ids of the correct options.</param>
public sealed record QuizQuestion(
    string Id,
    QuestionType Type,
    string QuestionHtml,
    IReadOnlyList<QuizOption> Options,
    IReadOnlyList<string> Answer);

/// <param name="TextHtml">Inline Markdown rendered and sanitised.</param>
/// <param name="FeedbackHtml">Inline Markdown rendered and sanitised, or null.</param>
public sealed record QuizOption(string Id, string TextHtml, string? FeedbackHtml);

/// <param name="Path">Relative to the course folder, e.g. "assets/map.png".</param>
/// <param name="ContentType">Judged from the bytes for images and PDF, never from a name alone for anything a
/// browser could run: unknown files are application/octet-stream.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays",
    Justification = "Raw file content handed to the web app for storage; copying would double memory.")]
public sealed record CompiledAsset(string Path, string ContentType, byte[] Bytes, string ContentHash);

public sealed record CourseCompileResult(CompiledCourse? Course, IReadOnlyList<ContentProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
