namespace RightsAcademy.Content.Tests;

public class CourseCompilerTests
{
    private static TestCourse FullCourse() => TestCourse.Empty()
        .With("course.md", """
            ---
            title: Human rights cities
            summary: Principles and practice.
            themes: [human-rights-cities, participation]
            language: en
            languages: [en, fr]
            estimated_hours: 4
            level: intermediate
            enrolment: cohort
            completion:
              required_lessons: all
              quizzes_passed: false
              min_sessions: 2
            issuer: RightsAcademy
            ---
            Start with [the first lesson](01-foundations/01-what-is.md).
            """)
        .With("course.fr.md", """
            ---
            title: Les villes des droits humains
            summary: Principes et pratique.
            ---
            Vue d'ensemble.
            """)
        .WithBytes("assets/map.png", TestCourse.Png)
        .WithBytes("assets/charter.pdf", TestCourse.Pdf)
        .With("01-foundations/module.md", """
            ---
            title: Foundations
            summary: Where the idea comes from.
            ---
            Introduction.
            """)
        .With("01-foundations/module.fr.md", """
            ---
            title: Fondements
            ---
            """)
        .With("01-foundations/01-what-is.md", """
            ---
            title: What is a human rights city?
            minutes: 15
            ---
            ## Overview

            See [the approach](02-approach.md), [land banks](../02-tools/01-land-banks.md#land-banks),
            [this module](module.md), [the course](../course.md#top), [the charter](../assets/charter.pdf),
            [the forum](https://example.org/forum) and [below](#overview).

            ![Map of the city](../assets/map.png)
            """)
        .With("01-foundations/01-what-is.fr.md", """
            ---
            title: Qu'est-ce qu'une ville des droits humains ?
            ---
            Voir [l'approche](02-approach.fr.md).
            """)
        .With("01-foundations/02-approach.md", """
            ---
            title: The approach
            minutes: 20
            required: false
            ---
            Text.
            """)
        .With("01-foundations/02-approach.fr.md", """
            ---
            title: L'approche
            ---
            Texte.
            """)
        .With("01-foundations/03-check.md", """
            ---
            title: Check
            kind: quiz
            minutes: 10
            pass_mark: 50
            ---
            An *introduction*.

            ```quiz
            id: first-step
            type: single
            question: What comes **first**?
            answer: b
            options:
              - id: a
                text: A tax
                feedback: Not quite.
              - id: b
                text: A charter, see [the approach](02-approach.md)
            ```

            ```quiz
            id: principles
            type: multiple
            question: Which are principles?
            answer: [a, c]
            options:
              - id: a
                text: Participation
              - id: b
                text: Secrecy
              - id: c
                text: Non-discrimination
            ```
            """)
        .With("01-foundations/03-check.fr.md", """
            ---
            title: Vérifier
            ---
            Une introduction.

            ```quiz
            id: principles
            question: Lesquels sont des principes ?
            options:
              - id: c
                text: Non-discrimination
              - id: a
                text: Participation
              - id: b
                text: Le secret
            ```

            ```quiz
            id: first-step
            question: Qu'est-ce qui vient **d'abord** ?
            answer: b
            options:
              - id: a
                text: Un impôt
              - id: b
                text: Une charte
            ```
            """)
        .With("02-tools/module.md", """
            ---
            title: Tools
            ---
            """)
        .With("02-tools/01-land-banks.md", """
            ---
            title: Land banks
            minutes: 30
            ---
            ## Land banks

            Text.
            """);

    [Fact]
    public void A_multi_module_course_with_translations_and_a_quiz_compiles()
    {
        var result = FullCourse().Compile();

        ProblemAssert.Clean(result);
        var course = result.Course!;
        Assert.Equal(["human-rights-cities", "participation"], course.Themes);
        Assert.Equal(CourseLevel.Intermediate, course.Level);
        Assert.Equal(EnrolmentMode.Cohort, course.Enrolment);
        Assert.Equal(new CompletionRule(true, false, 2), course.Completion);
        Assert.Equal("RightsAcademy", course.Issuer);
        Assert.Equal(4m, course.EstimatedHours);
        Assert.Equal(["en", "fr"], course.Texts.Keys.Order());
        Assert.Equal("Les villes des droits humains", course.Texts["fr"].Title);
        Assert.Equal("Principes et pratique.", course.Texts["fr"].Summary);
        Assert.Equal("<p>Start with <a href=\"/courses/test-course/foundations/what-is\">the first lesson</a>.</p>\n",
            course.Texts["en"].Html);

        Assert.Equal(["foundations", "tools"], course.Modules.Select(m => m.Slug));
        Assert.Equal([1, 2], course.Modules.Select(m => m.Position));
        var foundations = course.Modules[0];
        Assert.Equal("Where the idea comes from.", foundations.Texts["en"].Summary);
        Assert.Equal("Fondements", foundations.Texts["fr"].Title);
        Assert.Equal(["what-is", "approach", "check"], foundations.Lessons.Select(l => l.Slug));
        Assert.Equal([1, 2, 3], foundations.Lessons.Select(l => l.Position));
        Assert.Equal([15, 20, 10], foundations.Lessons.Select(l => l.Minutes));
        Assert.Equal([true, false, true], foundations.Lessons.Select(l => l.Required));
        Assert.Equal([LessonKind.Lesson, LessonKind.Lesson, LessonKind.Quiz], foundations.Lessons.Select(l => l.Kind));
        Assert.Equal([null, null, 50], foundations.Lessons.Select(l => l.PassMark));
    }

    [Fact]
    public void Relative_links_and_images_are_rewritten_through_the_url_builder()
    {
        var course = FullCourse().Compile().Course!;
        var lesson = course.Modules[0].Lessons[0];
        var html = lesson.Texts["en"].Html;

        Assert.Contains("<h2 id=\"overview\">Overview</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/courses/test-course/foundations/approach\">the approach</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/courses/test-course/tools/land-banks#land-banks\">land banks</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/courses/test-course/foundations\">this module</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/courses/test-course#top\">the course</a>", html, StringComparison.Ordinal);
        var pdfHash = course.Assets.Single(a => a.Path == "assets/charter.pdf").ContentHash;
        Assert.Contains($"<a href=\"/files/test-course/assets/charter.pdf?v={pdfHash[..8]}\">the charter</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/forum\" rel=\"noopener noreferrer\">the forum</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#overview\">below</a>", html, StringComparison.Ordinal);
        var pngHash = course.Assets.Single(a => a.Path == "assets/map.png").ContentHash;
        Assert.Contains($"<img src=\"/files/test-course/assets/map.png?v={pngHash[..8]}\" alt=\"Map of the city\">", html, StringComparison.Ordinal);

        // A link to a translation goes to the same, language-independent lesson URL.
        Assert.Equal("<p>Voir <a href=\"/courses/test-course/foundations/approach\">l'approche</a>.</p>\n", lesson.Texts["fr"].Html);
    }

    [Fact]
    public void Quiz_questions_options_and_answers_are_compiled_with_inline_markdown()
    {
        var quiz = FullCourse().Compile().Course!.Modules[0].Lessons[2];
        var english = quiz.Texts["en"];

        Assert.Equal("<p>An <em>introduction</em>.</p>\n", english.Html);
        Assert.Equal(["first-step", "principles"], english.Questions.Select(q => q.Id));
        var first = english.Questions[0];
        Assert.Equal(QuestionType.Single, first.Type);
        Assert.Equal("What comes <strong>first</strong>?", first.QuestionHtml);
        Assert.Equal(["b"], first.Answer);
        Assert.Equal(["a", "b"], first.Options.Select(o => o.Id));
        Assert.Equal("A tax", first.Options[0].TextHtml);
        Assert.Equal("Not quite.", first.Options[0].FeedbackHtml);
        Assert.Null(first.Options[1].FeedbackHtml);
        Assert.Equal("A charter, see <a href=\"/courses/test-course/foundations/approach\">the approach</a>", first.Options[1].TextHtml);
        var second = english.Questions[1];
        Assert.Equal(QuestionType.Multiple, second.Type);
        Assert.Equal(["a", "c"], second.Answer);
    }

    [Fact]
    public void A_quiz_translation_follows_the_source_order_type_and_answers()
    {
        var quiz = FullCourse().Compile().Course!.Modules[0].Lessons[2];
        var english = quiz.Texts["en"];
        var french = quiz.Texts["fr"];

        Assert.Equal("fr", french.Language);
        Assert.Equal("01-foundations/03-check.fr.md", french.Path);
        Assert.Equal(english.ContentHash, french.SourceContentHash);
        Assert.Null(english.SourceContentHash);
        Assert.Equal(["first-step", "principles"], french.Questions.Select(q => q.Id));
        Assert.Equal("Qu'est-ce qui vient <strong>d'abord</strong> ?", french.Questions[0].QuestionHtml);
        var principles = french.Questions[1];
        Assert.Equal(QuestionType.Multiple, principles.Type);
        Assert.Equal(["a", "c"], principles.Answer);
        Assert.Equal(["a", "b", "c"], principles.Options.Select(o => o.Id));
        Assert.Equal("Le secret", principles.Options[1].TextHtml);
    }

    [Fact]
    public void Assets_get_their_content_type_from_their_bytes()
    {
        var course = TestCourse.Valid()
            .WithBytes("assets/photo.png", TestCourse.Jpeg)
            .WithBytes("assets/charter.pdf", TestCourse.Pdf)
            .With("assets/page.html", "<script>alert(1)</script>")
            .Compile().Course!;

        Assert.Equal(["assets/charter.pdf", "assets/page.html", "assets/photo.png"], course.Assets.Select(a => a.Path));
        Assert.Equal(["application/pdf", "application/octet-stream", "image/jpeg"], course.Assets.Select(a => a.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestCourse.Pdf)), course.Assets[0].ContentHash);
    }

    [Fact]
    public void The_content_hash_is_stable_across_file_order_and_changes_with_any_file()
    {
        var source = FullCourse().Build();
        var reversed = source with { Files = source.Files.Reverse().ToList() };
        var edited = FullCourse().Replace("02-tools/01-land-banks.md", "Text.", "Text!").Build();
        var renamed = FullCourse().WithBytes("assets/map2.png", TestCourse.Png).Without("assets/map.png")
            .Replace("01-foundations/01-what-is.md", "map.png", "map2.png").Build();

        var hash = TestCourse.Compiler.Compile(source).Course!.ContentHash;

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, TestCourse.Compiler.Compile(reversed).Course!.ContentHash);
        Assert.Equal(hash, TestCourse.Compiler.Compile(FullCourse().Build()).Course!.ContentHash);
        Assert.NotEqual(hash, TestCourse.Compiler.Compile(edited).Course!.ContentHash);
        Assert.NotEqual(hash, TestCourse.Compiler.Compile(renamed).Course!.ContentHash);
    }

    [Fact]
    public void Modules_and_lessons_are_ordered_by_their_number_not_by_name_or_file_order()
    {
        var source = TestCourse.Valid()
            .With("01-basics/03-alpha.md", TestCourse.LessonMd)
            .With("01-basics/02-zulu.md", TestCourse.LessonMd)
            .With("00-welcome/module.md", TestCourse.ModuleMd)
            .With("00-welcome/01-hello.md", TestCourse.LessonMd)
            .Build();
        var shuffled = source with { Files = source.Files.OrderBy(f => f.Path.Length).ThenByDescending(f => f.Path).ToList() };

        var course = TestCourse.Compiler.Compile(shuffled).Course!;

        Assert.Equal(["welcome", "basics"], course.Modules.Select(m => m.Slug));
        Assert.Equal(["intro", "zulu", "alpha"], course.Modules[1].Lessons.Select(l => l.Slug));
        Assert.Equal([1, 2, 3], course.Modules[1].Lessons.Select(l => l.Position));
    }

    [Fact]
    public void A_course_with_errors_reports_all_of_them_sorted_by_file_and_line()
    {
        var result = TestCourse.Valid()
            .Replace("01-basics/01-intro.md", "minutes: 10", "minutes: 0")
            .Replace("01-basics/01-intro.md", "Hello.", "[x](missing.md)")
            .Replace("course.md", "level: introductory", "level: expert")
            .Compile();

        Assert.Null(result.Course);
        Assert.True(result.HasErrors);
        Assert.Equal(
            [
                $"{TestCourse.Root}/01-basics/01-intro.md:3: 'minutes' must be from 1 to 240, not 0",
                $"{TestCourse.Root}/01-basics/01-intro.md:5: link 'missing.md' points to no file in this course",
                $"{TestCourse.Root}/course.md:8: 'level' must be introductory, intermediate or advanced, not 'expert'",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Warnings_alone_still_yield_a_course()
    {
        var result = TestCourse.Valid().With("notes.txt", "todo").Compile();

        Assert.False(result.HasErrors);
        Assert.NotNull(result.Course);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void The_compiler_is_safe_to_share_between_threads()
    {
        var sources = Enumerable.Range(0, 16).Select(_ => FullCourse().Build()).ToList();
        var expected = TestCourse.Compiler.Compile(sources[0]).Course!.ContentHash;

        var hashes = sources.AsParallel().Select(s => TestCourse.Compiler.Compile(s).Course!.ContentHash).ToList();

        Assert.All(hashes, h => Assert.Equal(expected, h));
    }
}
