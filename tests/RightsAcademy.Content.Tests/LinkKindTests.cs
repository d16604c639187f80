namespace RightsAcademy.Content.Tests;

public class LinkKindTests
{
    [Theory]
    [InlineData("02-next.md", LinkKind.Relative)]
    [InlineData("../assets/map.png", LinkKind.Relative)]
    [InlineData("#land-banks", LinkKind.Anchor)]
    [InlineData("https://example.org", LinkKind.External)]
    [InlineData("HTTP://example.org", LinkKind.External)]
    [InlineData("mailto:someone@example.org", LinkKind.External)]
    [InlineData("/courses", LinkKind.SiteAbsolute)]
    [InlineData("//evil.example", LinkKind.Unsafe)]
    [InlineData("\\\\evil.example", LinkKind.Unsafe)]
    [InlineData("/\\evil.example", LinkKind.Unsafe)]
    [InlineData("javascript:alert(1)", LinkKind.Unsafe)]
    [InlineData("JaVaScRiPt:alert(1)", LinkKind.Unsafe)]
    [InlineData(" javascript:alert(1)", LinkKind.Unsafe)]
    [InlineData("java\tscript:alert(1)", LinkKind.Unsafe)]
    [InlineData("java\nscript:alert(1)", LinkKind.Unsafe)]
    [InlineData("\u0001javascript:alert(1)", LinkKind.Unsafe)]
    [InlineData("data:text/html,x", LinkKind.Unsafe)]
    [InlineData("vbscript:msgbox(1)", LinkKind.Unsafe)]
    [InlineData("file:///etc/passwd", LinkKind.Unsafe)]
    [InlineData("C:\\files\\x.md", LinkKind.Unsafe)]
    [InlineData("", LinkKind.Empty)]
    [InlineData(" \t", LinkKind.Empty)]
    [InlineData(null, LinkKind.Empty)]
    public void Urls_are_classified_as_a_browser_would_read_them(string? url, LinkKind expected)
    {
        Assert.Equal(expected, LinkClassifier.Classify(url));
    }
}
