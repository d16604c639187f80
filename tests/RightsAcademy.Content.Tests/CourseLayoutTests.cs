namespace RightsAcademy.Content.Tests;

public class CourseLayoutTests
{
    [Fact]
    public void A_course_without_course_md_is_an_error()
    {
        var result = TestCourse.Valid().Without("course.md").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingCourseFile, "course.md", 1);
        Assert.StartsWith("the course has no course.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_without_module_md_is_an_error()
    {
        var result = TestCourse.Valid().Without("01-basics/module.md").Compile();

        ProblemAssert.Single(result, ProblemCodes.MissingModuleFile, "01-basics/module.md", 1);
    }

    [Fact]
    public void A_module_without_lessons_is_an_error()
    {
        var result = TestCourse.Valid().With("02-empty/module.md", TestCourse.ModuleMd).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.ModuleWithoutLessons, "02-empty/module.md", 1);
        Assert.Equal("module '02-empty' has no lessons: add at least one NN-slug.md file", problem.Message);
    }

    [Fact]
    public void A_course_without_modules_is_an_error()
    {
        var result = TestCourse.Valid().Without("01-basics/module.md").Without("01-basics/01-intro.md").Compile();

        ProblemAssert.Single(result, ProblemCodes.CourseWithoutModules, "course.md", 1);
    }

    [Theory]
    [InlineData("1-more")]
    [InlineData("001-more")]
    [InlineData("02more")]
    [InlineData("2_more")]
    public void A_module_folder_with_a_bad_number_prefix_is_an_error(string folder)
    {
        var result = TestCourse.Valid().With($"{folder}/module.md", TestCourse.ModuleMd).With($"{folder}/01-x.md", TestCourse.LessonMd).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.BadPrefix, folder, 1);
        Assert.Equal($"module folder '{folder}' must start with a two-digit number and a hyphen, like 01-foundations", problem.Message);
    }

    [Fact]
    public void A_folder_of_markdown_without_a_number_is_a_module_missing_its_prefix()
    {
        var result = TestCourse.Valid().With("tools/module.md", TestCourse.ModuleMd).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.BadPrefix, "tools", 1);
        Assert.EndsWith("like 01-tools", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-More")]
    [InlineData("02-more--tools")]
    [InlineData("02-more_tools")]
    [InlineData("02--more")]
    [InlineData("02-")]
    public void A_module_folder_whose_slug_is_not_a_slug_is_an_error(string folder)
    {
        var result = TestCourse.Valid().With($"{folder}/module.md", TestCourse.ModuleMd).With($"{folder}/01-x.md", TestCourse.LessonMd).Compile();

        ProblemAssert.Single(result, ProblemCodes.BadSlug, folder, 1);
    }

    [Theory]
    [InlineData("intro.md", ProblemCodes.BadPrefix)]
    [InlineData("2-intro.md", ProblemCodes.BadPrefix)]
    [InlineData("02-Intro.md", ProblemCodes.BadSlug)]
    [InlineData("02-my_intro.md", ProblemCodes.BadSlug)]
    [InlineData("02-intro.draft.fr.md", ProblemCodes.BadSlug)]
    public void A_lesson_file_with_a_bad_name_is_an_error(string fileName, string code)
    {
        var result = TestCourse.Valid().With($"01-basics/{fileName}", TestCourse.LessonMd).Compile();

        ProblemAssert.Single(result, code, $"01-basics/{fileName}", 1);
    }

    [Fact]
    public void Two_modules_with_the_same_slug_are_an_error_on_the_second()
    {
        var result = TestCourse.Valid()
            .With("02-basics/module.md", TestCourse.ModuleMd)
            .With("02-basics/01-more.md", TestCourse.LessonMd)
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.DuplicateSlug, "02-basics", 1);
        Assert.Equal("module slug 'basics' is also used by 01-basics: module slugs must be unique in a course", problem.Message);
    }

    [Fact]
    public void Two_lessons_with_the_same_slug_in_a_module_are_an_error_on_the_second()
    {
        var result = TestCourse.Valid().With("01-basics/03-intro.md", TestCourse.LessonMd).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.DuplicateSlug, "01-basics/03-intro.md", 1);
        Assert.Equal("lesson slug 'intro' is also used by 01-basics/01-intro.md: lesson slugs must be unique in a module", problem.Message);
    }

    [Fact]
    public void The_same_lesson_slug_in_two_modules_is_fine()
    {
        var result = TestCourse.Valid()
            .With("02-more/module.md", TestCourse.ModuleMd)
            .With("02-more/01-intro.md", TestCourse.LessonMd)
            .Compile();

        ProblemAssert.Clean(result);
    }

    [Fact]
    public void Two_lessons_with_the_same_number_are_a_warning_and_ordered_by_slug()
    {
        var result = TestCourse.Valid().With("01-basics/01-another.md", TestCourse.LessonMd).Compile();

        ProblemAssert.SingleWarning(result, ProblemCodes.DuplicateNumber, "01-basics/01-intro.md", 1);
        Assert.Equal(["another", "intro"], result.Course!.Modules[0].Lessons.Select(l => l.Slug));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("README.md")]
    [InlineData("01-basics/notes.txt")]
    [InlineData("01-basics/photo.png")]
    [InlineData("01-basics/drafts/01-x.md")]
    public void A_stray_file_is_a_warning(string path)
    {
        var result = TestCourse.Valid().With(path, "x").Compile();

        var problem = ProblemAssert.SingleWarning(result, ProblemCodes.StrayFile, path, 1);
        Assert.StartsWith($"{TestCourse.Root}/{path}:1: warning: ignored: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_markdown_that_is_not_a_module_is_a_stray_warning()
    {
        var result = TestCourse.Valid().With("images/photo.jpg", "x").Compile();

        ProblemAssert.SingleWarning(result, ProblemCodes.StrayFile, "images", 1);
    }

    [Fact]
    public void A_translation_suffix_that_is_not_a_language_is_unknown()
    {
        var result = TestCourse.Valid().With("01-basics/01-intro.xx.md", TestCourse.LessonMd).Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.UnknownLanguage, "01-basics/01-intro.xx.md", 1);
        Assert.StartsWith("'01-intro.xx.md': 'xx' is not an ISO 639-1 language code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_course_slug_that_is_not_a_slug_is_an_error()
    {
        var result = TestCourse.Compiler.Compile(TestCourse.Valid().Build("Human_Rights", "content/courses/Human_Rights"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.BadSlug, problem.Code);
        Assert.Equal("content/courses/Human_Rights", problem.Path);
        Assert.Null(result.Course);
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("/etc/passwd")]
    [InlineData("01-basics//01-x.md")]
    [InlineData("01-basics\\01-x.md")]
    public void A_source_file_path_that_is_not_a_clean_relative_path_is_refused(string path)
    {
        var result = TestCourse.Valid().With(path, TestCourse.LessonMd).Compile();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.BadPath, problem.Code);
        Assert.Null(result.Course);
    }

    [Fact]
    public void Problems_without_a_display_root_use_the_relative_path()
    {
        var result = TestCourse.Compiler.Compile(TestCourse.Valid().Without("01-basics/module.md").Build(displayRoot: ""));

        Assert.Equal("01-basics/module.md", Assert.Single(result.Problems).Path);
    }
}
