namespace RightsAcademy.Content.Tests;

public class TranslationTests
{
    private const string FrenchLesson = "---\ntitle: Introduction en français\n---\nBonjour.";

    [Fact]
    public void A_translation_gets_its_own_text_and_the_hash_of_its_source()
    {
        var result = TestCourse.Valid().With("01-basics/01-intro.fr.md", FrenchLesson).Compile();

        ProblemAssert.Clean(result);
        var texts = result.Course!.Modules[0].Lessons[0].Texts;
        Assert.Equal("Introduction en français", texts["fr"].Title);
        Assert.Equal("<p>Bonjour.</p>\n", texts["fr"].Html);
        Assert.Equal(texts["en"].ContentHash, texts["fr"].SourceContentHash);
        Assert.Equal(10, result.Course.Modules[0].Lessons[0].Minutes);
    }

    [Fact]
    public void A_translation_may_repeat_the_non_text_keys_which_are_ignored()
    {
        var result = TestCourse.Valid()
            .With("01-basics/01-intro.fr.md", "---\ntitle: Intro\nminutes: 99\nrequired: false\n---\nBonjour.")
            .Compile();

        ProblemAssert.Clean(result);
        var lesson = result.Course!.Modules[0].Lessons[0];
        Assert.Equal(10, lesson.Minutes);
        Assert.True(lesson.Required);
    }

    [Fact]
    public void A_translation_still_needs_its_title_and_known_keys()
    {
        var result = TestCourse.Valid().With("01-basics/01-intro.fr.md", "---\ntitre: Intro\n---\nBonjour.").Compile();

        Assert.Equal(
            [(ProblemCodes.MissingKey, 1), (ProblemCodes.UnknownKey, 2)],
            result.Problems.Select(p => (p.Code, p.Line)));
    }

    [Fact]
    public void A_course_translation_needs_a_summary_like_its_source()
    {
        var result = TestCourse.Valid().With("course.fr.md", "---\ntitle: Les villes\n---\n").Compile();

        ProblemAssert.Single(result, ProblemCodes.MissingKey, "course.fr.md", 1);
    }

    [Fact]
    public void A_translation_without_its_source_is_an_error()
    {
        var result = TestCourse.Valid().With("01-basics/02-next.fr.md", FrenchLesson).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.TranslationWithoutSource, "01-basics/02-next.fr.md", 1);
        Assert.Equal("translation without its source: 01-basics/02-next.md does not exist", problem.Message);
    }

    [Fact]
    public void An_orphaned_translation_hints_at_a_renumbered_source()
    {
        var result = TestCourse.Valid().With("01-basics/03-intro.fr.md", FrenchLesson).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.TranslationWithoutSource, "01-basics/03-intro.fr.md", 1);
        Assert.EndsWith("(was the source renumbered to 01-basics/01-intro.md? rename the translation too)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_in_a_language_not_listed_is_an_error()
    {
        var result = TestCourse.Valid().With("01-basics/01-intro.es.md", FrenchLesson).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.TranslationLanguageNotListed, "01-basics/01-intro.es.md", 1);
        Assert.Equal("language 'es' is not in the course's 'languages' (en, fr): add it in course.md", problem.Message);
    }

    [Fact]
    public void A_translation_into_the_default_language_is_an_error()
    {
        var result = TestCourse.Valid().With("01-basics/module.en.md", TestCourse.ModuleMd).Compile();

        ProblemAssert.Single(result, ProblemCodes.TranslationInDefaultLanguage, "01-basics/module.en.md", 1);
    }

    [Fact]
    public void Links_in_a_translation_are_checked_too()
    {
        var result = TestCourse.Valid().With("01-basics/01-intro.fr.md", FrenchLesson + "\n\n[x](../02-nope/01-x.md)").Compile();

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, "01-basics/01-intro.fr.md", 6);
    }

    private static TestCourse WithQuiz() => TestCourse.Valid().With("01-basics/02-check.md", TestCourse.QuizMd);

    private const string FrenchQuiz = """
        ---
        title: Vérifier
        ---
        Avant de commencer.

        ```quiz
        id: first-step
        question: Que font les villes *d'abord* ?
        options:
          - id: a
            text: Un nouvel impôt
          - id: b
            text: Un engagement public
            feedback: Exact.
        ```
        """;

    [Fact]
    public void A_quiz_translation_may_leave_out_type_and_answer()
    {
        var result = WithQuiz().With("01-basics/02-check.fr.md", FrenchQuiz).Compile();

        ProblemAssert.Clean(result);
        var question = Assert.Single(result.Course!.Modules[0].Lessons[1].Texts["fr"].Questions);
        Assert.Equal(QuestionType.Single, question.Type);
        Assert.Equal(["b"], question.Answer);
        Assert.Equal("Que font les villes <em>d'abord</em> ?", question.QuestionHtml);
        Assert.Equal("Exact.", question.Options[1].FeedbackHtml);
    }

    [Fact]
    public void A_quiz_translation_with_a_different_question_id_is_a_mismatch()
    {
        var result = WithQuiz().With("01-basics/02-check.fr.md", FrenchQuiz.Replace("id: first-step", "id: premier-pas", StringComparison.Ordinal)).Compile();

        Assert.Equal(
            [
                (4, "question 'first-step' of the source is missing from this translation"),
                (7, "question 'premier-pas' is not in the source quiz: translations keep the source's question ids"),
            ],
            result.Problems.Select(p => (p.Line, p.Message)));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.TranslationQuizMismatch, p.Code));
        Assert.Null(result.Course);
    }

    [Fact]
    public void A_quiz_translation_with_different_option_ids_is_a_mismatch()
    {
        var result = WithQuiz().With("01-basics/02-check.fr.md", FrenchQuiz.Replace("- id: b", "- id: c", StringComparison.Ordinal)).Compile();

        Assert.Equal(
            [
                (7, "option 'b' of question 'first-step' is missing from this translation"),
                (12, "option 'c' of question 'first-step' is not in the source: translations keep the source's option ids"),
            ],
            result.Problems.Select(p => (p.Line, p.Message)));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.TranslationQuizMismatch, p.Code));
    }

    [Fact]
    public void A_quiz_translation_whose_answer_differs_is_an_error()
    {
        var result = WithQuiz()
            .With("01-basics/02-check.fr.md", FrenchQuiz.Replace("options:", "answer: a\noptions:", StringComparison.Ordinal))
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.TranslationAnswerDiffers, "01-basics/02-check.fr.md", 9);
        Assert.Equal("the answer of question 'first-step' (a) differs from the source (b): leave 'answer' out or copy it", problem.Message);
    }

    [Fact]
    public void A_quiz_translation_repeating_the_same_answer_is_fine()
    {
        var result = WithQuiz()
            .With("01-basics/02-check.fr.md", FrenchQuiz.Replace("options:", "answer: [b]\ntype: single\noptions:", StringComparison.Ordinal))
            .Compile();

        ProblemAssert.Clean(result);
    }

    [Fact]
    public void A_source_quiz_that_cannot_be_read_is_reported_without_noise_from_its_translation()
    {
        var result = WithQuiz()
            .Replace("01-basics/02-check.md", "question: What do cities adopt *first*?", "question: *broken")
            .With("01-basics/02-check.fr.md", FrenchQuiz)
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.YamlInvalid, "01-basics/02-check.md", 12);
        Assert.Equal("the quiz block is not valid YAML: '*broken' reads as a YAML alias. Put text that starts with * in \"double quotes\"", problem.Message);
    }
}
