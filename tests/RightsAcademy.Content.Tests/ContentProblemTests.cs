namespace RightsAcademy.Content.Tests;

public class ContentProblemTests
{
    [Fact]
    public void An_error_prints_as_path_line_message()
    {
        var problem = new ContentProblem("content/courses/x/course.md", 12, ProblemSeverity.Error, ProblemCodes.MissingKey, "missing required key 'title'");

        Assert.Equal("content/courses/x/course.md:12: missing required key 'title'", problem.ToString());
    }

    [Fact]
    public void A_warning_says_so_after_the_location()
    {
        var problem = new ContentProblem("content/courses/x/notes.txt", 1, ProblemSeverity.Warning, ProblemCodes.StrayFile, "ignored: not part of the course");

        Assert.Equal("content/courses/x/notes.txt:1: warning: ignored: not part of the course", problem.ToString());
    }

    [Fact]
    public void Problem_codes_are_unique_kebab_case()
    {
        var codes = typeof(ProblemCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", code));
    }
}
