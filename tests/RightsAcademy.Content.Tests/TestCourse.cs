using System.Text;

namespace RightsAcademy.Content.Tests;

/// <summary>Builds course sources in memory: a small valid course to start from, then one change per test,
/// so each test shows exactly the mistake it is about.</summary>
internal sealed class TestCourse
{
    public const string Slug = "test-course";
    public const string Root = "content/courses/test-course";

    public const string CourseMd = """
        ---
        title: Human rights cities
        summary: Principles and practice.
        themes: [human-rights-cities, participation]
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

    public const string LessonMd = """
        ---
        title: Introduction
        minutes: 10
        ---
        Hello.
        """;

    /// <summary>A quiz with one single-answer question: fence on line 9, id line 10, answer line 19.</summary>
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
        question: What do cities adopt *first*?
        options:
          - id: a
            text: A new tax
          - id: b
            text: A public commitment
            feedback: Right.
        answer: b
        ```
        """;

    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    /// <summary>course.md, 01-basics/module.md and 01-basics/01-intro.md: compiles without any problem.</summary>
    public static TestCourse Valid() => new TestCourse()
        .With("course.md", CourseMd)
        .With("01-basics/module.md", ModuleMd)
        .With("01-basics/01-intro.md", LessonMd);

    public static TestCourse Empty() => new();

    public TestCourse With(string path, string text) => WithBytes(path, Encoding.UTF8.GetBytes(text));

    public TestCourse WithBytes(string path, byte[] bytes)
    {
        files[path] = bytes;
        return this;
    }

    public TestCourse Without(string path)
    {
        files.Remove(path);
        return this;
    }

    /// <summary>Replaces text in an existing file, for one-line mistakes in otherwise valid files.</summary>
    public TestCourse Replace(string path, string oldText, string newText)
    {
        var text = Encoding.UTF8.GetString(files[path]);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return With(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public CourseSource Build(string slug = Slug, string displayRoot = Root) =>
        new(slug, displayRoot, files.Select(f => new SourceFile(f.Key, f.Value)).ToList());

    public CourseCompileResult Compile() => Compiler.Compile(Build());

    public static CourseCompiler Compiler { get; } = new(new FakeUrls());

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    public static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
}

/// <summary>Readable URLs so tests can assert exactly where a link went.</summary>
internal sealed class FakeUrls : IContentUrlBuilder
{
    public string Course(string courseSlug) => $"/courses/{courseSlug}";

    public string Module(string courseSlug, string moduleSlug) => $"/courses/{courseSlug}/{moduleSlug}";

    public string Lesson(string courseSlug, string moduleSlug, string lessonSlug, string? fragment) =>
        $"/courses/{courseSlug}/{moduleSlug}/{lessonSlug}" + (fragment is null ? "" : "#" + fragment);

    public string Asset(string courseSlug, string assetPath, string contentHash) =>
        $"/files/{courseSlug}/{assetPath}?v={contentHash[..8]}";
}

internal static class ProblemAssert
{
    /// <summary>Asserts the one problem with this code, at this file (relative to the course) and line.</summary>
    public static ContentProblem Single(CourseCompileResult result, string code, string path, int line)
    {
        var matches = result.Problems.Where(p => p.Code == code).ToList();
        Assert.True(matches.Count == 1,
            $"expected one '{code}' problem, got {matches.Count}:\n{string.Join('\n', result.Problems)}");
        var problem = matches[0];
        Assert.Equal($"{TestCourse.Root}/{path}", problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Null(result.Course);
        return problem;
    }

    /// <summary>Asserts the one problem with this code is a warning at this place, and the course still compiles.</summary>
    public static ContentProblem SingleWarning(CourseCompileResult result, string code, string path, int line)
    {
        var matches = result.Problems.Where(p => p.Code == code).ToList();
        Assert.True(matches.Count == 1,
            $"expected one '{code}' problem, got {matches.Count}:\n{string.Join('\n', result.Problems)}");
        var problem = matches[0];
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal($"{TestCourse.Root}/{path}", problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.False(result.HasErrors, string.Join('\n', result.Problems));
        Assert.NotNull(result.Course);
        return problem;
    }

    public static void Clean(CourseCompileResult result)
    {
        Assert.True(result.Problems.Count == 0, "unexpected problems:\n" + string.Join('\n', result.Problems));
        Assert.NotNull(result.Course);
    }
}
