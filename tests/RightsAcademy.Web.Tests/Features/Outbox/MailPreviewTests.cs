using RightsAcademy.Web.Features.Outbox;

namespace RightsAcademy.Web.Tests.Features.Outbox;

public sealed class MailPreviewTests
{
    [Fact]
    public void A_whole_mail_document_keeps_its_text_and_links_and_loses_its_head()
    {
        var html = """
            <!DOCTYPE html><html lang="ar" dir="rtl"><head><title>Secret title</title><style>p { color: red }</style></head>
            <body><center><p>مرحبا <strong>نور</strong></p><p><a href="https://example.org/a?x=1&amp;y=2">اقبل</a></p></center></body></html>
            """;

        var preview = MailPreview.Sanitize(html);

        Assert.Contains("<p>مرحبا <strong>نور</strong></p>", preview, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a?x=1&amp;y=2\" rel=\"noopener noreferrer\">اقبل</a>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret title", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("color", preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "alert")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<p style=\"background:url(https://tracker.example/p.gif)\">x</p>", "tracker")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "evil")]
    [InlineData("<base href=\"https://evil.example/\">", "evil")]
    public void Nothing_that_runs_loads_elsewhere_or_redirects_survives(string html, string forbidden)
    {
        Assert.DoesNotContain(forbidden, MailPreview.Sanitize(html), StringComparison.OrdinalIgnoreCase);
    }
}
