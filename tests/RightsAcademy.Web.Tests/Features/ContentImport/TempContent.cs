using System.Text;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

/// <summary>
/// A content folder on disk (content/courses/...) in a temp directory, so the tests go through the same
/// folder scan and compile as <c>content import</c>, and can edit, move or delete files between imports.
/// </summary>
internal sealed class TempContent : IDisposable
{
    public const string CourseMd = """
        ---
        title: Housing rights
        summary: What the right to adequate housing asks of a city.
        themes: [housing]
        language: en
        languages: [en, fr]
        estimated_hours: 1.5
        level: introductory
        ---
        The course overview.
        """;

    public const string ModuleMd = """
        ---
        title: Basics
        ---
        The module introduction.
        """;

    public static string LessonMd(string title, string body = "Hello.") => $"""
        ---
        title: {title}
        minutes: 10
        ---
        {body}
        """;

    public const string QuizMd = """
        ---
        title: Check your understanding
        kind: quiz
        minutes: 5
        pass_mark: 70
        ---
        Before you start.

        ```quiz
        id: first-step
        type: single
        question: What do cities adopt first?
        options:
          - id: a
            text: A new tax
          - id: b
            text: A public commitment
            feedback: Right.
        answer: b
        ```
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ra-import-{Guid.NewGuid():N}");

    public TempContent() => Directory.CreateDirectory(Path.Combine(_root, "content", "courses"));

    /// <summary>The folder to give to <c>content import</c>.</summary>
    public string Folder => Path.Combine(_root, "content");

    /// <summary>
    /// course.md (en, fr), 01-basics/module.md, 01-basics/01-intro.md with a French translation,
    /// 01-basics/02-practice.md and 01-basics/03-quiz.md: compiles without problems.
    /// </summary>
    public TempContent AddCourse(string slug) => this
        .Write(slug, "course.md", CourseMd)
        .Write(slug, "01-basics/module.md", ModuleMd)
        .Write(slug, "01-basics/01-intro.md", LessonMd("Introduction"))
        .Write(slug, "01-basics/01-intro.fr.md", LessonMd("Introduction", "Bonjour."))
        .Write(slug, "01-basics/02-practice.md", LessonMd("In practice", "Step by step."))
        .Write(slug, "01-basics/03-quiz.md", QuizMd);

    public TempContent Write(string slug, string path, string text) => WriteBytes(slug, path, Encoding.UTF8.GetBytes(text));

    public TempContent WriteBytes(string slug, string path, byte[] bytes)
    {
        var full = PathOf(slug, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public TempContent Delete(string slug, string path)
    {
        File.Delete(PathOf(slug, path));
        return this;
    }

    public TempContent Move(string slug, string from, string to)
    {
        var target = PathOf(slug, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(PathOf(slug, from), target);
        return this;
    }

    public TempContent DeleteCourse(string slug)
    {
        Directory.Delete(PathOf(slug, ""), recursive: true);
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string PathOf(string slug, string path) => Path.Combine(Folder, "courses", slug, path);
}
