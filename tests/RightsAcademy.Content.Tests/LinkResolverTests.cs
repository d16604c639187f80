namespace RightsAcademy.Content.Tests;

public class LinkResolverTests
{
    private const string Lesson = "01-basics/01-intro.md";

    private static CourseCompileResult CompileBody(string body, TestCourse? course = null) =>
        (course ?? TestCourse.Valid()).With(Lesson, $"---\ntitle: Intro\nminutes: 10\n---\n{body}").Compile();

    [Theory]
    [InlineData("01-basics/01-intro.md", "../02-tools/01-land-banks.md", "02-tools/01-land-banks.md")]
    [InlineData("01-basics/01-intro.md", "./02-next.md", "01-basics/02-next.md")]
    [InlineData("course.md", "assets/map.png", "assets/map.png")]
    [InlineData("01-basics/01-intro.md", "../../outside.md", null)]
    public void Relative_paths_resolve_against_the_folder_of_the_file(string from, string relative, string? expected)
    {
        Assert.Equal(expected, LinkResolver.Combine(from, relative));
    }

    [Fact]
    public void A_link_to_a_missing_lesson_is_a_broken_link_on_its_line()
    {
        var result = CompileBody("Text.\n\nSee [the next lesson](02-next.md) for more.");

        var problem = ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 7);
        Assert.Equal("link '02-next.md' points to no file in this course", problem.Message);
    }

    [Fact]
    public void A_link_climbing_out_of_the_course_is_broken()
    {
        var result = CompileBody("[other course](../../other-course/course.md)");

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 5);
    }

    [Fact]
    public void A_link_to_a_stray_file_is_broken()
    {
        var result = CompileBody("[notes](notes.txt)", TestCourse.Valid().With("01-basics/notes.txt", "x"));

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 5);
    }

    [Fact]
    public void A_reference_style_link_is_checked_where_it_is_used()
    {
        var result = CompileBody("Read [the next one][next].\n\n[next]: 02-next.md");

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 5);
    }

    [Fact]
    public void An_empty_link_is_broken()
    {
        var result = CompileBody("[nothing]()");

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, Lesson, 5);
    }

    [Fact]
    public void A_missing_image_is_an_error_on_its_line()
    {
        var result = CompileBody("Text.\n\n![A map](../assets/map.png)");

        var problem = ProblemAssert.Single(result, ProblemCodes.MissingImage, Lesson, 7);
        Assert.Equal("image '../assets/map.png' points to no file in this course", problem.Message);
    }

    [Theory]
    [InlineData("![](../assets/map.png)")]
    [InlineData("![  ](../assets/map.png)")]
    public void An_image_without_alt_text_is_an_error(string image)
    {
        var result = CompileBody(image, TestCourse.Valid().WithBytes("assets/map.png", TestCourse.Png));

        ProblemAssert.Single(result, ProblemCodes.ImageWithoutAlt, Lesson, 5);
    }

    [Fact]
    public void An_image_that_is_not_in_assets_is_an_error()
    {
        var result = CompileBody("![The next lesson](02-next.md)", TestCourse.Valid().With("01-basics/02-next.md", TestCourse.LessonMd));

        ProblemAssert.Single(result, ProblemCodes.ImageOutsideAssets, Lesson, 5);
    }

    [Fact]
    public void An_image_from_another_site_is_an_error_and_not_rendered()
    {
        var result = CompileBody("![Tracking pixel](https://tracker.example/pixel.png)");

        ProblemAssert.Single(result, ProblemCodes.ImageOutsideAssets, Lesson, 5);
    }

    [Theory]
    [InlineData("assets/map.png")]
    [InlineData("assets/drawing.svg")]
    public void An_image_file_that_is_not_png_jpeg_webp_or_gif_is_an_error(string asset)
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();

        var result = CompileBody($"![A map](../{asset})", TestCourse.Valid().WithBytes(asset, svg));

        var problem = ProblemAssert.Single(result, ProblemCodes.UnsupportedImage, Lesson, 5);
        Assert.StartsWith($"image '../{asset}' is not a PNG, JPEG, WebP or GIF file", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Webp_and_gif_images_are_accepted()
    {
        var webp = "RIFF\u0010\0\0\0WEBPVP8 "u8.ToArray();
        var gif = "GIF89a\u0001\0"u8.ToArray();

        var result = CompileBody("![One](../assets/a.webp) ![Two](../assets/b.gif)",
            TestCourse.Valid().WithBytes("assets/a.webp", webp).WithBytes("assets/b.gif", gif));

        ProblemAssert.Clean(result);
        Assert.Equal(["image/webp", "image/gif"], result.Course!.Assets.Select(a => a.ContentType));
    }

    [Fact]
    public void A_site_absolute_link_is_an_error()
    {
        var result = CompileBody("[catalogue](/courses)");

        var problem = ProblemAssert.Single(result, ProblemCodes.AbsoluteLink, Lesson, 5);
        Assert.StartsWith("link '/courses' starts with '/'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](ftp://example.org/file)")]
    [InlineData("[x](//evil.example/page)")]
    [InlineData("<javascript:alert(1)>")]
    public void A_link_with_a_scheme_other_than_http_https_or_mailto_is_unsafe(string link)
    {
        var result = CompileBody("Text.\n" + link);

        ProblemAssert.Single(result, ProblemCodes.UnsafeLink, Lesson, 6);
    }

    [Fact]
    public void Percent_encoded_paths_and_query_strings_resolve()
    {
        var result = CompileBody("[charter](../assets/the%20charter.pdf?download=1#page=2)",
            TestCourse.Valid().WithBytes("assets/the charter.pdf", TestCourse.Pdf));

        ProblemAssert.Clean(result);
        var hash = result.Course!.Assets[0].ContentHash;
        Assert.Contains($"href=\"/files/test-course/assets/the%20charter.pdf?v={hash[..8]}#page=2\"",
            result.Course.Modules[0].Lessons[0].Texts["en"].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_in_quiz_text_are_checked_on_their_line()
    {
        var result = TestCourse.Valid()
            .With("01-basics/02-check.md", TestCourse.QuizMd.Replace("text: A new tax", "text: A [tax](nowhere.md)", StringComparison.Ordinal))
            .Compile();

        ProblemAssert.Single(result, ProblemCodes.BrokenLink, "01-basics/02-check.md", 15);
    }
}
