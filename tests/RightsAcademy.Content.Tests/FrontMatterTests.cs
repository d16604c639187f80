using System.Text;

namespace RightsAcademy.Content.Tests;

public class FrontMatterTests
{
    private const string Lesson = "01-basics/01-intro.md";

    [Fact]
    public void A_file_without_front_matter_is_an_error_on_line_1()
    {
        var result = TestCourse.Valid().With(Lesson, "# Introduction\n\nHello.").Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingFrontMatter, Lesson, 1);
        Assert.StartsWith("the file must start with front matter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_without_its_closing_line_is_an_error()
    {
        var result = TestCourse.Valid().With(Lesson, "---\ntitle: Intro\nminutes: 10\n\nHello.").Compile();

        ProblemAssert.Single(result, ProblemCodes.UnclosedFrontMatter, Lesson, 1);
    }

    [Fact]
    public void Invalid_yaml_is_reported_on_the_line_yamldotnet_names()
    {
        var result = TestCourse.Valid()
            .With(Lesson, "---\ntitle: Intro\nminutes: 10\nrequired: Right: this\n---\nHello.")
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.YamlInvalid, Lesson, 4);
        Assert.Contains("double quotes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_bracket_is_invalid_yaml_with_a_line()
    {
        var result = TestCourse.Valid()
            .With(Lesson, "---\ntitle: Intro\nminutes: [10\nrequired: true\n---\nHello.")
            .Compile();

        var problem = ProblemAssert.Single(result, ProblemCodes.YamlInvalid, Lesson, 4);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_invalid_yaml()
    {
        var result = TestCourse.Valid()
            .With(Lesson, "---\ntitle: Intro\nminutes: 10\ntitle: Again\n---\nHello.")
            .Compile();

        ProblemAssert.Single(result, ProblemCodes.YamlInvalid, Lesson, 4);
    }

    [Fact]
    public void Front_matter_that_is_not_a_map_is_the_wrong_type()
    {
        var result = TestCourse.Valid().With(Lesson, "---\n- title\n- minutes\n---\nHello.").Compile();

        ProblemAssert.Single(result, ProblemCodes.WrongType, Lesson, 1);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_with_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: Intro\nminutes: 10\n---\nCaf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var result = TestCourse.Valid().WithBytes(Lesson, bytes).Compile();

        ProblemAssert.Single(result, ProblemCodes.InvalidEncoding, Lesson, 5);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var text = "\uFEFF---\r\ntitle: Intro\r\nminutes: 10\r\n---\r\nHello [x](#y).\r\n";

        var result = TestCourse.Valid().WithBytes(Lesson, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray()).Compile();

        ProblemAssert.Clean(result);
        Assert.Equal("Intro", result.Course!.Modules[0].Lessons[0].Texts["en"].Title);
    }

    [Fact]
    public void Body_lines_are_counted_from_the_top_of_the_file()
    {
        var result = TestCourse.Valid()
            .With(Lesson, "---\ntitle: Intro\n\n# a comment\nminutes: 10\n---\n\nText\n\n[broken](nowhere.md)\n")
            .Compile();

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 10);
    }
}
