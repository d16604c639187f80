using AngleSharp.Html.Parser;

namespace RightsAcademy.Content.Tests;

/// <summary>Trainer Markdown (and, through previews, anyone with authoring rights) must never run script in a
/// learner's browser. Each vector is rendered and the resulting HTML is inspected element by element.</summary>
public class MarkdownSecurityTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly MarkdownRenderContext Context = new("c", "c/01-m/01-l.md", 1, url => "/resolved/" + url);

    private static readonly HashSet<string> ExpectedElements =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em", "strong",
        "del", "sup", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "aside", "div",
    ];

    public static TheoryData<string> Vectors => new()
    {
        "<script>alert(1)</script>",
        "Text <script>alert(1)</script> inline",
        "<img src=x onerror=alert(1)>",
        "Inline <img src=x onerror=alert(1)> image",
        "<a href=\"#\" onclick=\"alert(1)\">click</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<!-- <script>alert(1)</script> -->",
        "<a href=javascript:alert(1)>raw</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](&#1;javascript:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "[x](https://example.org \"\\\" onmouseover=\\\"alert(1)\")",
        "![a\" onerror=\"alert(1)](/x.png)",
        "# <img src=x onerror=alert(1)>",
        "Claim[^<img src=x onerror=alert(1)>]\n\n[^<img src=x onerror=alert(1)>]: note",
        "```\" onmouseover=\"alert(1)\ncode\n```",
        ":::note\" onclick=\"alert(1)\ntext\n:::",
        "^^^\n![x](//evil.example/x.png)\n^^^ <script>alert(1)</script>",
        "| <script>alert(1)</script> |\n|---|\n| <img src=x onerror=alert(1)> |",
        "[x](//evil.example)",
        "[x](\\\\evil.example)",
        "[x](file:///etc/passwd)",
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hostile_markdown_renders_inert(string markdown)
    {
        var html = Renderer.Render(markdown, Context).Html;

        AssertInert(html);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hostile_inline_markdown_renders_inert(string markdown)
    {
        var html = Renderer.RenderInline(markdown, Context);

        AssertInert(html);
    }

    [Fact]
    public void Raw_html_is_shown_as_escaped_text()
    {
        var html = Renderer.Render("Before <script>alert(1)</script> <img src=x onerror=alert(1)> after", Context).Html;

        Assert.Equal("<p>Before &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; after</p>\n", html);
    }

    [Fact]
    public void A_raw_html_block_is_shown_as_escaped_text()
    {
        var html = Renderer.Render("<div onclick=\"alert(1)\">\n<svg onload=alert(1)>\n</div>", Context).Html;

        Assert.Equal("<p>&lt;div onclick=\"alert(1)\"&gt;\n&lt;svg onload=alert(1)&gt;\n&lt;/div&gt;</p>\n", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](&#x6A;avascript:alert(1))", "<p>x</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("![a map](data:image/png;base64,AAAA)", "<p>a map</p>\n")]
    public void Unsafe_links_keep_their_text_but_lose_their_target(string markdown, string expected)
    {
        var rendered = Renderer.Render(markdown, Context);

        Assert.Equal(expected, rendered.Html);
        Assert.Equal(ProblemCodes.UnsafeLink, Assert.Single(rendered.Problems).Code);
    }

    [Fact]
    public void Safe_links_survive_with_rel_on_external_ones()
    {
        var html = Renderer.Render("[a](https://example.org/x?y=1) [b](mailto:someone@example.org) <https://example.org> <someone@example.org> [c](#part)", Context).Html;

        Assert.Equal(
            "<p><a href=\"https://example.org/x?y=1\" rel=\"noopener noreferrer\">a</a> <a href=\"mailto:someone@example.org\">b</a> " +
            "<a href=\"https://example.org\" rel=\"noopener noreferrer\">https://example.org</a> <a href=\"mailto:someone@example.org\">someone@example.org</a> " +
            "<a href=\"#part\">c</a></p>\n",
            html);
    }

    [Fact]
    public void Html_in_quiz_questions_options_and_feedback_renders_inert()
    {
        var quiz = TestCourse.QuizMd
            .Replace("question: What do cities adopt *first*?", "question: \"<script>alert(1)</script> [x](javascript:alert(1))\"", StringComparison.Ordinal)
            .Replace("text: A new tax", "text: <svg onload=alert(1)>", StringComparison.Ordinal)
            .Replace("feedback: Right.", "feedback: \"<img src=x onerror=alert(1)>\"", StringComparison.Ordinal);

        var result = TestCourse.Valid().With("01-basics/02-check.md", quiz).Compile();

        Assert.Equal(ProblemCodes.UnsafeLink, Assert.Single(result.Problems).Code);
        var compiled = TestCourse.Compiler.Compile(TestCourse.Valid()
            .With("01-basics/02-check.md", quiz.Replace(" [x](javascript:alert(1))", "", StringComparison.Ordinal)).Build());
        var question = Assert.Single(compiled.Course!.Modules[0].Lessons[1].Texts["en"].Questions);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;", question.QuestionHtml);
        Assert.Equal("&lt;svg onload=alert(1)&gt;", question.Options[0].TextHtml);
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", question.Options[1].FeedbackHtml);
    }

    internal static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);

        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, ExpectedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler in {html}");
                Assert.Contains(attribute.Name, (string[])["href", "src", "alt", "title", "id", "class", "rel", "style", "start"]);
                if (attribute.Name is "href" or "src")
                {
                    var value = attribute.Value;
                    var safe = (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal))
                        || value.StartsWith('#')
                        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
                    Assert.True(safe, $"unsafe {attribute.Name}=\"{value}\" in {html}");
                }
                var compact = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.DoesNotContain("javascript:", compact, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("vbscript:", compact, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("data:", compact, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
