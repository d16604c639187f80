namespace RightsAcademy.Content.Tests;

public class PageSchemasTests
{
    private const string Lesson = "01-basics/01-intro.md";

    [Fact]
    public void An_unknown_key_is_an_error_that_suggests_the_nearest_key()
    {
        var result = TestCourse.Valid().Replace(Lesson, "minutes: 10", "minutes: 10\ntitel: Typo").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.UnknownKey, Lesson, 4);
        Assert.Equal("unknown key 'titel' (did you mean 'title'?)", problem.Message);
    }

    [Fact]
    public void An_unknown_key_far_from_any_lists_the_allowed_keys()
    {
        var result = TestCourse.Valid().Replace("01-basics/module.md", "title: Basics", "title: Basics\nauthor: Me").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.UnknownKey, "01-basics/module.md", 3);
        Assert.Equal("unknown key 'author' (allowed here: title, summary)", problem.Message);
    }

    [Fact]
    public void A_missing_required_key_is_reported_at_the_opening_line()
    {
        var result = TestCourse.Valid().Replace(Lesson, "minutes: 10\n", "").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingKey, Lesson, 1);
        Assert.Equal("missing required key 'minutes'", problem.Message);
    }

    [Fact]
    public void A_key_without_a_value_is_empty()
    {
        var result = TestCourse.Valid().Replace(Lesson, "title: Introduction", "title:").Compile();

        ProblemAssert.Single(result, ProblemCodes.EmptyValue, Lesson, 2);
    }

    [Theory]
    [InlineData("minutes: 10", "minutes: ten", 3, "'minutes' must be a whole number, not 'ten'")]
    [InlineData("minutes: 10", "minutes: 10.5", 3, "'minutes' must be a whole number, not '10.5'")]
    [InlineData("minutes: 10", "minutes: \"10\"", 3, "'minutes' must be a whole number, not the quoted text \"10\"")]
    [InlineData("minutes: 10", "minutes: 10\nrequired: yes", 4, "'required' must be true or false, not 'yes'")]
    [InlineData("title: Introduction", "title: [a, b]", 2, "'title' must be text, not a list")]
    public void A_value_of_the_wrong_type_is_an_error_on_its_line(string oldText, string newText, int line, string message)
    {
        var result = TestCourse.Valid().Replace(Lesson, oldText, newText).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.WrongType, Lesson, line);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Course_lists_and_maps_must_have_their_types()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "themes: [human-rights-cities, participation]", "themes: participation")
            .Replace("course.md", "level: introductory", "level: introductory\ncompletion: all")
            .Compile();

        Assert.Equal(
            [(4, "'themes' must be a list such as [a, b], not 'participation'"), (9, "'completion' must be a map of 'key: value' lines indented below it, not 'all'")],
            result.Problems.Select(p => (p.Line, p.Message)));
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.WrongType, p.Code));
    }

    [Theory]
    [InlineData(Lesson, "minutes: 10", "minutes: 241", 3, "'minutes' must be from 1 to 240, not 241")]
    [InlineData("course.md", "estimated_hours: 1.5", "estimated_hours: 0", 7, "'estimated_hours' must be more than 0 and at most 200, not 0")]
    [InlineData("course.md", "estimated_hours: 1.5", "estimated_hours: 200.5", 7, "'estimated_hours' must be more than 0 and at most 200, not 200.5")]
    [InlineData("course.md", "themes: [human-rights-cities, participation]", "themes: [a, b, c, d, e, f, g]", 4, "'themes' must list 1 to 6 themes, not 7")]
    [InlineData("course.md", "themes: [human-rights-cities, participation]", "themes: []", 4, "'themes' must list 1 to 6 themes, not 0")]
    [InlineData("course.md", "level: introductory", "level: introductory\ncompletion:\n  min_sessions: -1", 10, "'completion.min_sessions' must be from 0 to 100, not -1")]
    public void A_value_out_of_range_is_an_error_on_its_line(string path, string oldText, string newText, int line, string message)
    {
        var result = TestCourse.Valid().Replace(path, oldText, newText).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.OutOfRange, path, line);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_too_long()
    {
        var result = TestCourse.Valid().Replace(Lesson, "title: Introduction", "title: " + new string('a', 201)).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.TextTooLong, Lesson, 2);
        Assert.Equal("'title' is 201 characters long; at most 200 are allowed", problem.Message);
    }

    [Fact]
    public void A_summary_longer_than_500_characters_is_too_long()
    {
        var result = TestCourse.Valid().Replace("course.md", "summary: Principles and practice.", "summary: " + new string('a', 501)).Compile();

        ProblemAssert.Single(result, ProblemCodes.TextTooLong, "course.md", 3);
    }

    [Theory]
    [InlineData("course.md", "level: introductory", "level: Introductory", 8, "'level' must be introductory, intermediate or advanced, not 'Introductory'")]
    [InlineData("course.md", "level: introductory", "level: introductory\nenrolment: invite", 9, "'enrolment' must be open or cohort, not 'invite'")]
    [InlineData("course.md", "level: introductory", "level: introductory\ncompletion:\n  required_lessons: some", 10, "'completion.required_lessons' must be all or none, not 'some'")]
    [InlineData(Lesson, "minutes: 10", "minutes: 10\nkind: exercise", 4, "'kind' must be lesson or quiz, not 'exercise'")]
    public void A_value_outside_its_choices_is_invalid(string path, string oldText, string newText, int line, string message)
    {
        var result = TestCourse.Valid().Replace(path, oldText, newText).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.InvalidValue, path, line);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Completion_keys_are_read_and_default_when_left_out()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "level: introductory", "level: introductory\ncompletion:\n  required_lessons: none\n  min_sessions: 3")
            .Compile();

        ProblemAssert.Clean(result);
        Assert.Equal(new CompletionRule(false, true, 3), result.Course!.Completion);
        Assert.Equal(EnrolmentMode.Open, result.Course.Enrolment);
        Assert.Null(result.Course.Issuer);
    }

    [Fact]
    public void An_unknown_key_inside_completion_names_its_full_path()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "level: introductory", "level: introductory\ncompletion:\n  quizes_passed: true")
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.UnknownKey, "course.md", 10);
        Assert.Equal("unknown key 'completion.quizes_passed' (did you mean 'completion.quizzes_passed'?)", problem.Message);
    }

    [Fact]
    public void A_theme_that_is_not_a_slug_is_a_bad_slug()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "themes: [human-rights-cities, participation]", "themes:\n  - participation\n  - Human Rights")
            .Compile();

        ProblemAssert.Single(result, ProblemCodes.BadSlug, "course.md", 6);
    }

    [Fact]
    public void A_theme_listed_twice_is_a_duplicate_value()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "themes: [human-rights-cities, participation]", "themes: [participation, participation]")
            .Compile();

        ProblemAssert.Single(result, ProblemCodes.DuplicateValue, "course.md", 4);
    }

    [Fact]
    public void An_unknown_course_language_is_an_error()
    {
        var result = TestCourse.Valid()
            .Replace("course.md", "language: en\nlanguages: [en, fr]", "language: english\nlanguages: [english, fr]")
            .Compile();

        Assert.Equal(
            [(5, ProblemCodes.UnknownLanguage), (6, ProblemCodes.UnknownLanguage)],
            result.Problems.Select(p => (p.Line, p.Code)));
        Assert.StartsWith("'english' is not an ISO 639-1 language code", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Languages_must_include_the_default_language()
    {
        var result = TestCourse.Valid().Replace("course.md", "languages: [en, fr]", "languages: [fr, es]").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.DefaultLanguageNotListed, "course.md", 6);
        Assert.Equal("'languages' must include the default language 'en' given in 'language'", problem.Message);
    }

    [Fact]
    public void Pass_mark_outside_a_quiz_is_not_allowed()
    {
        var result = TestCourse.Valid().Replace(Lesson, "minutes: 10", "minutes: 10\npass_mark: 50").Compile();

        ProblemAssert.Single(result, ProblemCodes.KeyNotAllowed, Lesson, 4);
    }

    [Fact]
    public void Summary_is_not_a_lesson_key()
    {
        var result = TestCourse.Valid().Replace(Lesson, "minutes: 10", "minutes: 10\nsummary: Short").Compile();

        ProblemAssert.Single(result, ProblemCodes.UnknownKey, Lesson, 4);
    }

    [Fact]
    public void Required_false_and_text_that_looks_like_a_number_are_read()
    {
        var result = TestCourse.Valid()
            .Replace(Lesson, "title: Introduction", "title: 2030")
            .Replace(Lesson, "minutes: 10", "minutes: 240\nrequired: false")
            .Compile();

        ProblemAssert.Clean(result);
        var lesson = result.Course!.Modules[0].Lessons[0];
        Assert.Equal("2030", lesson.Texts["en"].Title);
        Assert.Equal(240, lesson.Minutes);
        Assert.False(lesson.Required);
    }

    [Fact]
    public void Every_mistake_in_a_file_is_reported_not_only_the_first()
    {
        var result = TestCourse.Valid()
            .With("course.md", "---\ntitle: T\nsummary: S\nthemes: [x]\nlanguage: en\nlanguages: [en]\nestimated_hours: -1\nlevel: hard\nissuer: [a]\n---\n")
            .Compile();

        Assert.Equal(
            [ProblemCodes.OutOfRange, ProblemCodes.InvalidValue, ProblemCodes.WrongType],
            result.Problems.Select(p => p.Code));
        Assert.Equal([7, 8, 9], result.Problems.Select(p => p.Line));
    }
}
