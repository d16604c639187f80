namespace RightsAcademy.Content.Tests;

public class QuizReaderTests
{
    private const string Quiz = "01-basics/02-check.md";

    private static CourseCompileResult CompileQuiz(string oldText, string newText) =>
        TestCourse.Valid().With(Quiz, TestCourse.QuizMd).Replace(Quiz, oldText, newText).Compile();

    [Fact]
    public void The_test_quiz_is_valid()
    {
        var result = TestCourse.Valid().With(Quiz, TestCourse.QuizMd).Compile();

        ProblemAssert.Clean(result);
        var quiz = result.Course!.Modules[0].Lessons[1];
        Assert.Equal(LessonKind.Quiz, quiz.Kind);
        Assert.Equal(70, quiz.PassMark);
        Assert.Equal("<p>Before you start.</p>\n", quiz.Texts["en"].Html);
        Assert.Equal("What do cities adopt <em>first</em>?", Assert.Single(quiz.Texts["en"].Questions).QuestionHtml);
    }

    [Fact]
    public void A_quiz_without_questions_is_an_error()
    {
        var result = TestCourse.Valid().With(Quiz, TestCourse.QuizMd[..TestCourse.QuizMd.IndexOf("```quiz", StringComparison.Ordinal)]).Compile();

        ProblemAssert.Single(result, ProblemCodes.QuizNoQuestion, Quiz, 1);
    }

    [Fact]
    public void A_question_without_answer_is_an_error_at_its_fence()
    {
        var result = CompileQuiz("answer: b\n", "");

        var problem = ProblemAssert.Single(result, ProblemCodes.QuizNoAnswer, Quiz, 9);
        Assert.Equal("question 'first-step' has no answer: add 'answer:' with the id of the correct option", problem.Message);
    }

    [Fact]
    public void An_empty_answer_list_is_no_answer()
    {
        var result = CompileQuiz("answer: b", "answer: []");

        ProblemAssert.Single(result, ProblemCodes.QuizNoAnswer, Quiz, 19);
    }

    [Fact]
    public void An_answer_naming_no_option_is_an_error()
    {
        var result = CompileQuiz("answer: b", "answer: c");

        var problem = ProblemAssert.Single(result, ProblemCodes.QuizAnswerUnknown, Quiz, 19);
        Assert.Equal("answer 'c' is not an option of question 'first-step' (options: a, b)", problem.Message);
    }

    [Fact]
    public void A_single_question_with_several_answers_is_an_error()
    {
        var result = CompileQuiz("answer: b", "answer: [a, b]");

        ProblemAssert.Single(result, ProblemCodes.QuizSingleWithSeveralAnswers, Quiz, 19);
    }

    [Fact]
    public void A_multiple_question_may_have_several_answers()
    {
        var result = CompileQuiz("type: single\n", "type: multiple\n").Course!;
        var question = Assert.Single(result.Modules[0].Lessons[1].Texts["en"].Questions);

        Assert.Equal(QuestionType.Multiple, question.Type);
        Assert.Equal(["b"], question.Answer);
    }

    [Theory]
    [InlineData("pass_mark: 0")]
    [InlineData("pass_mark: 101")]
    public void A_pass_mark_outside_1_to_100_is_an_error(string passMark)
    {
        var result = CompileQuiz("pass_mark: 70", passMark);

        var problem = ProblemAssert.Single(result, ProblemCodes.QuizPassMarkRange, Quiz, 5);
        Assert.StartsWith("'pass_mark' must be from 1 to 100", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiz_without_pass_mark_is_an_error()
    {
        var result = CompileQuiz("pass_mark: 70\n", "");

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingKey, Quiz, 1);
        Assert.StartsWith("missing required key 'pass_mark'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_with_one_option_is_an_error()
    {
        var result = CompileQuiz("  - id: a\n    text: A new tax\n", "");

        ProblemAssert.Single(result, ProblemCodes.QuizTooFewOptions, Quiz, 13);
    }

    [Fact]
    public void A_question_id_used_twice_is_an_error_on_the_second()
    {
        var quiz = TestCourse.QuizMd + "\n\n" + TestCourse.QuizMd[TestCourse.QuizMd.IndexOf("```quiz", StringComparison.Ordinal)..];

        var result = TestCourse.Valid().With(Quiz, quiz).Compile();

        ProblemAssert.Single(result, ProblemCodes.QuizDuplicateQuestion, Quiz, 23);
    }

    [Fact]
    public void An_option_id_used_twice_is_an_error_on_the_second()
    {
        var result = CompileQuiz("  - id: b", "  - id: a");

        ProblemAssert.Single(result, ProblemCodes.QuizDuplicateOption, Quiz, 16);
    }

    [Fact]
    public void A_question_id_that_is_not_a_slug_is_an_error()
    {
        var result = CompileQuiz("id: first-step", "id: First step");

        ProblemAssert.Single(result, ProblemCodes.BadSlug, Quiz, 10);
    }

    [Fact]
    public void Missing_and_unknown_keys_in_a_question_and_an_option_are_errors()
    {
        var result = CompileQuiz("    text: A new tax", "    txt: A new tax");

        Assert.Equal(
            [(ProblemCodes.MissingKey, 14, "missing required key 'option.text'"), (ProblemCodes.UnknownKey, 15, "unknown key 'option.txt' (did you mean 'option.text'?)")],
            result.Problems.Select(p => (p.Code, p.Line, p.Message)));
    }

    [Fact]
    public void A_question_without_type_is_missing_it()
    {
        var result = CompileQuiz("type: single\n", "");

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingKey, Quiz, 9);
        Assert.Equal("missing required key 'type'", problem.Message);
    }

    [Fact]
    public void Invalid_yaml_in_a_quiz_block_is_reported_on_its_file_line()
    {
        var result = CompileQuiz("question: What do cities adopt *first*?", "question: *What* do cities adopt?");

        ProblemAssert.Single(result, ProblemCodes.YamlInvalid, Quiz, 12);
    }

    [Fact]
    public void A_quiz_block_in_a_plain_lesson_is_an_error()
    {
        var result = CompileQuiz("kind: quiz\n", "");

        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.QuizBlockInLesson && p.Line == 8);
        Assert.Null(result.Course);
    }

    [Fact]
    public void Html_in_quiz_text_is_shown_as_text()
    {
        var result = CompileQuiz("text: A new tax", "text: <img src=x onerror=alert(1)> tax").Course!;
        var option = result.Modules[0].Lessons[1].Texts["en"].Questions[0].Options[0];

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; tax", option.TextHtml);
    }
}
