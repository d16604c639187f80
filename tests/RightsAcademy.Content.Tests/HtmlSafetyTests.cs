namespace RightsAcademy.Content.Tests;

/// <summary>The sanitiser is the second line of defence: these feed it HTML that Markdig should never produce,
/// as if a bug in Markdig, our rewriting or the web app's URL builder let it through.</summary>
public class HtmlSafetyTests
{
    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"//evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"/\\evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"lesson/2\">x</a>", "<a>x</a>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\" alt=\"a\">", "<img alt=\"a\">")]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "<p>x</p>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "")]
    [InlineData("<form action=\"https://example.org\"><input name=\"q\"></form>", "")]
    [InlineData("<span style=\"color:red\">kept text</span>", "kept text")]
    [InlineData("<td style=\"background:url(x);text-align:center\">x</td>", "x")]
    [InlineData("<a href=\"http://example.org\" target=\"_blank\">x</a>", "<a href=\"http://example.org\" rel=\"noopener noreferrer\">x</a>")]
    [InlineData("<a href=\"/courses/a\" rel=\"opener\">x</a>", "<a href=\"/courses/a\" rel=\"opener\">x</a>")]
    public void Disallowed_markup_and_urls_are_stripped(string html, string expected)
    {
        Assert.Equal(expected, HtmlSafety.Sanitize(html));
    }

    [Theory]
    [InlineData("/courses/x", true)]
    [InlineData("/", true)]
    [InlineData("#part", true)]
    [InlineData("https://example.org", true)]
    [InlineData("MAILTO:a@example.org", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("relative/path", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_site_paths_anchors_and_http_https_mailto_are_allowed(string? url, bool allowed)
    {
        Assert.Equal(allowed, HtmlSafety.IsAllowedUrl(url));
    }
}
