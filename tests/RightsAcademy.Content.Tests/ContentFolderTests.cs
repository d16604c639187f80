using System.Text;

namespace RightsAcademy.Content.Tests;

/// <summary>The only tests that touch the disk: a temporary content folder, scanned the three ways a trainer
/// may point the check at it.</summary>
public sealed class ContentFolderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ra-content-" + Guid.NewGuid().ToString("N"));

    public ContentFolderTests()
    {
        Write("README.md", "# Writing courses");
        Write("courses/human-rights-cities/course.md", TestCourse.CourseMd);
        Write("courses/human-rights-cities/01-basics/module.md", TestCourse.ModuleMd);
        Write("courses/human-rights-cities/01-basics/01-intro.md", TestCourse.LessonMd);
        Directory.CreateDirectory(Path.Combine(root, "courses/human-rights-cities/assets"));
        File.WriteAllBytes(Path.Combine(root, "courses/human-rights-cities/assets/map.png"), TestCourse.Png);
        Write("courses/human-rights-cities/.DS_Store", "litter");
        Write("courses/human-rights-cities/01-basics/.01-intro.md.swp", "litter");
        Write("courses/drafts/notes.md", "not a course");
        Write("courses/Bad_Name/course.md", TestCourse.CourseMd);
        Write("courses/stray.txt", "x");
        Directory.CreateDirectory(Path.Combine(root, "courses/.git"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    [Fact]
    public void Scanning_a_content_folder_finds_its_courses_and_reports_what_is_not_a_course()
    {
        var scan = ContentFolder.Scan(root);

        var course = Assert.Single(scan.Courses);
        Assert.Equal("human-rights-cities", course.Slug);
        Assert.Equal($"{root}/courses/human-rights-cities", course.DisplayRoot);
        Assert.Equal(
            [
                ($"{root}/courses/Bad_Name", ProblemCodes.BadSlug, ProblemSeverity.Error),
                ($"{root}/courses/drafts/course.md", ProblemCodes.MissingCourseFile, ProblemSeverity.Error),
                ($"{root}/courses/stray.txt", ProblemCodes.StrayFile, ProblemSeverity.Warning),
            ],
            scan.Problems.Select(p => (p.Path, p.Code, p.Severity)));
        Assert.Equal("folder 'drafts' is not a course: it has no course.md", scan.Problems[1].Message);
    }

    [Fact]
    public void Scanning_the_courses_folder_gives_the_same_courses_without_judging_loose_files()
    {
        var scan = ContentFolder.Scan(Path.Combine(root, "courses"));

        Assert.Equal(["human-rights-cities"], scan.Courses.Select(c => c.Slug));
        Assert.Equal(
            [($"{root}/courses/Bad_Name", ProblemCodes.BadSlug), ($"{root}/courses/drafts/course.md", ProblemCodes.MissingCourseFile)],
            scan.Problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void Scanning_one_course_folder_gives_that_course()
    {
        var scan = ContentFolder.Scan(Path.Combine(root, "courses", "human-rights-cities") + "/");

        Assert.Empty(scan.Problems);
        Assert.Equal($"{root}/courses/human-rights-cities", Assert.Single(scan.Courses).DisplayRoot);
    }

    [Fact]
    public void Scanning_a_missing_folder_is_a_problem_not_an_exception()
    {
        var scan = ContentFolder.Scan(Path.Combine(root, "nope"));

        Assert.Empty(scan.Courses);
        Assert.Equal(ProblemCodes.NotFound, Assert.Single(scan.Problems).Code);
    }

    [Fact]
    public void From_directory_reads_every_file_with_relative_slash_paths_and_skips_hidden_ones()
    {
        var source = CourseSource.FromDirectory(Path.Combine(root, "courses", "human-rights-cities"), "content/courses/human-rights-cities");

        Assert.Equal("human-rights-cities", source.Slug);
        Assert.Equal(
            ["01-basics/01-intro.md", "01-basics/module.md", "assets/map.png", "course.md"],
            source.Files.Select(f => f.Path));
        Assert.Equal(TestCourse.Png, source.Files[2].Bytes);
    }

    [Fact]
    public void A_scanned_course_compiles_with_problems_under_its_display_root()
    {
        Write("courses/human-rights-cities/01-basics/02-next.md", "---\ntitle: Next\n---\n");
        var source = Assert.Single(ContentFolder.Scan(root).Courses);

        var result = TestCourse.Compiler.Compile(source);

        Assert.Equal($"{root}/courses/human-rights-cities/01-basics/02-next.md:1: missing required key 'minutes'",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Symbolic_links_are_not_followed()
    {
        var secret = Path.Combine(root, "secret.txt");
        File.WriteAllText(secret, "password");
        File.CreateSymbolicLink(Path.Combine(root, "courses/human-rights-cities/assets/leak.txt"), secret);

        var source = CourseSource.FromDirectory(Path.Combine(root, "courses", "human-rights-cities"), "x");

        Assert.DoesNotContain(source.Files, f => f.Path == "assets/leak.txt");
    }
}
