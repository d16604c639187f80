using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Testing;

/// <summary>
/// A small course written to disk in the trainers' format and imported through the real pipeline, so tests
/// do not depend on the wording of the shipped courses. The quiz key: "panel" = b, "first-steps" = a and c.
/// </summary>
public static class SampleCourse
{
    public const string Slug = "sample-course";
    public const string Title = "Rights at the counter";
    public const string FrenchTitle = "Les droits au guichet";
    public const string FirstLesson = "/courses/sample-course/basics/welcome";
    public const string SecondLesson = "/courses/sample-course/basics/untranslated";
    public const string OptionalLesson = "/courses/sample-course/basics/extra-reading";
    public const string Quiz = "/courses/sample-course/practice/check";

    // The smallest valid PNG: one transparent pixel.
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static string WriteTo(string root, string slug = Slug, string title = Title, string themes = "[housing, participation]",
        string enrolment = "open", string extraLessonBody = "")
    {
        var course = Path.Combine(root, "courses", slug);
        Write(course, "course.md", $"""
            ---
            title: {title}
            summary: A short course used by the tests.
            themes: {themes}
            language: en
            languages: [en, fr]
            estimated_hours: 1
            level: introductory
            enrolment: {enrolment}
            ---
            The **overview** of the course.
            """);
        Write(course, "course.fr.md", $"""
            ---
            title: {FrenchTitle}
            summary: Un petit cours pour les tests.
            ---
            La **présentation** du cours.
            """);
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(course, "assets")).FullName, "pixel.png"), Png);
        Write(course, "01-basics/module.md", "---\ntitle: Basics\n---\n");
        Write(course, "01-basics/module.fr.md", "---\ntitle: Les bases\n---\n");
        Write(course, "01-basics/01-welcome.md", $"""
            ---
            title: Welcome
            minutes: 5
            ---
            Hello and welcome. ![A single pixel](../assets/pixel.png)

            Next comes [the untranslated lesson](02-untranslated.md).
            {extraLessonBody}
            """);
        Write(course, "01-basics/01-welcome.fr.md", """
            ---
            title: Bienvenue
            ---
            Bonjour et bienvenue.
            """);
        Write(course, "01-basics/02-untranslated.md", """
            ---
            title: Only in English
            minutes: 5
            ---
            This lesson has no translation.
            """);
        Write(course, "01-basics/03-extra-reading.md", """
            ---
            title: Extra reading
            minutes: 5
            required: false
            ---
            For the curious.
            """);
        Write(course, "02-practice/module.md", "---\ntitle: Practice\n---\n");
        Write(course, "02-practice/01-check.md", """
            ---
            title: Check
            kind: quiz
            minutes: 5
            pass_mark: 100
            ---
            Two questions.

            ```quiz
            id: panel
            type: single
            question: What does the P in PANEL stand for?
            answer: b
            options:
              - id: a
                text: Police
                feedback: No.
              - id: b
                text: Participation
                feedback: Yes, participation.
            ```

            ```quiz
            id: first-steps
            type: multiple
            question: Which are first steps?
            answer: [a, c]
            options:
              - id: a
                text: A council declaration
              - id: b
                text: A new tax
              - id: c
                text: A human rights office
            ```
            """);
        return root;
    }

    public static async Task<ImportReport> ImportAsync(RightsAcademyFactory factory, string root)
    {
        var (courses, problems) = ContentCommands.Compile(root);
        if (problems.Any(p => p.Problem.Severity == Content.ProblemSeverity.Error))
        {
            throw new InvalidOperationException("Sample course has errors: " + string.Join("\n", problems));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportAsync(courses, problems, archiveMissingCourses: false);
    }

    private static void Write(string course, string path, string text)
    {
        var full = Path.Combine(course, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}

/// <summary>An app with the sample course imported.</summary>
public class CourseFixture : AppFixture
{
    private string? _root;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _root = SampleCourse.WriteTo(Directory.CreateTempSubdirectory("ra-course-").FullName);
        await SampleCourse.ImportAsync(Factory, _root);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
