using System.Collections.Concurrent;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>
/// Certificates read back with poppler, as a PDF reader would: every script's text extracts exactly (so it is
/// searchable and copyable, and was drawn with real glyphs), the page is A4 landscape, the QR code is the URL's.
/// </summary>
public sealed class CertificatePdfRendererTests(CertificateFonts fonts) : IClassFixture<CertificateFonts>
{
    private readonly CertificatePdfRenderer _renderer = new(fonts.Catalogue, TimeProvider.System);

    private static readonly string[] NameList =
    [
        "نور الهدى عبد الله",
        "عبد الله بن محمد الهاشمي",
        "김민준",
        "अनुष्का शर्मा",
        "Анна Сергеевна Кузнецова",
        "Γιώργος Παπαδόπουλος",
        "Nguyễn Thị Hương Giang",
        "Zoë Ångström-Łukasiewicz",
    ];

    public static TheoryData<string> Names => new(NameList);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_name_extracts_exactly_with_english_labels(string name)
    {
        var pdf = _renderer.Render(Samples.Content(name), Samples.English);

        var text = PdfTools.ExtractText(pdf);
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("Certificate of completion", text, StringComparison.Ordinal);
        Assert.DoesNotContain("?", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_name_extracts_exactly_on_an_arabic_certificate(string name)
    {
        var content = Samples.Content(name, "حقوق الإنسان في الخدمات العامة المحلية", "ar");

        var text = PdfTools.ExtractText(_renderer.Render(content, Samples.Arabic));

        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("حقوق الإنسان في الخدمات العامة المحلية", text, StringComparison.Ordinal);
        Assert.Contains("شهادة إتمام", text, StringComparison.Ordinal);
        Assert.Contains(content.VerificationCode, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_is_on_the_page()
    {
        var content = Samples.Content();

        var text = PdfTools.ExtractText(_renderer.Render(content, Samples.English));

        Assert.Contains(content.LearnerName, text, StringComparison.Ordinal);
        Assert.Contains(content.CourseTitle, text, StringComparison.Ordinal);
        Assert.Contains(content.MunicipalityName, text, StringComparison.Ordinal);
        Assert.Contains("Completed on 28 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Study time: 6.5 h", text, StringComparison.Ordinal);
        Assert.Contains(content.IssuingOrganisation, text, StringComparison.Ordinal);
        Assert.Contains(content.VerificationCode, text, StringComparison.Ordinal);
        Assert.Contains(content.VerificationUrl.AbsoluteUri, text, StringComparison.Ordinal);
        Assert.Contains(content.CertificateId.ToString(), text, StringComparison.Ordinal);
        foreach (var label in new[] { "awarded to", "for completing the course", "Issued by", "Verify this certificate at", "Verification code", "Certificate ID" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_course_title_wraps_and_stays_whole()
    {
        const string title = "Non-discrimination, accessibility and the right to information in municipal social services, housing allocation and public procurement";
        var text = PdfTools.ExtractText(_renderer.Render(Samples.Content(title: title), Samples.English));

        Assert.Contains(title, text.Replace('\n', ' '), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public void The_page_is_a4_landscape_and_not_blank(string language)
    {
        var labels = language == "ar" ? Samples.Arabic : Samples.English;
        var pdf = _renderer.Render(Samples.Content("김민준"), labels);

        using var page = PdfTools.RenderPage(pdf, dpi: 50);

        Assert.Equal(297.0 / 210.0, (double)page.Width / page.Height, precision: 2);
        var inked = 0;
        for (var y = 0; y < page.Height; y++)
        {
            for (var x = 0; x < page.Width; x++)
            {
                var pixel = page.GetPixel(x, y);
                inked += pixel.Red + pixel.Green + pixel.Blue < 600 ? 1 : 0;
            }
        }

        Assert.InRange(inked / (double)(page.Width * page.Height), 0.02, 0.5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_qr_code_drawn_is_the_verification_url(bool rightToLeft)
    {
        var content = Samples.Content();
        Assert.Equal("https://academy.example.org/verify/" + content.VerificationCode, QrCode.Payload(content));
        var modules = QrCode.Modules(QrCode.Payload(content));

        const int dpi = 300;
        using var page = PdfTools.RenderPage(_renderer.Render(content, rightToLeft ? Samples.Arabic : Samples.English), dpi);

        // Sample the middle of every module where the renderer says the code is.
        var bounds = CertificatePdfRenderer.QrBounds(rightToLeft);
        var scale = dpi / 72f;
        var count = modules.GetLength(0);
        var module = bounds.Width / count;
        var wrong = 0;
        for (var y = 0; y < count; y++)
        {
            for (var x = 0; x < count; x++)
            {
                var pixel = page.GetPixel((int)((bounds.Left + ((x + 0.5f) * module)) * scale), (int)((bounds.Top + ((y + 0.5f) * module)) * scale));
                var dark = pixel.Red + pixel.Green + pixel.Blue < 384;
                wrong += dark == modules[y, x] ? 0 : 1;
            }
        }

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_and_the_pdf_stays_small()
    {
        var pdf = _renderer.Render(Samples.Content("김민준"), Samples.English);

        // About 29 KB; whole Noto fonts would make it hundreds.
        Assert.InRange(pdf.Length, 1_000, 60_000);
        var fonts = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            // Skia draws the CFF-based CJK font as Type 3 glyph procedures (only the glyphs used); the others are subsets.
            var columns = font.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(font.Contains("Type 3", StringComparison.Ordinal) || font.Contains("+Noto", StringComparison.Ordinal), font);
            Assert.Equal(["yes", "yes"], new[] { columns[^5], columns[^3] }); // embedded, with a ToUnicode map
        }
    }

    [Fact]
    public void Renders_in_parallel_without_mixing_certificates()
    {
        var names = NameList;
        var results = new ConcurrentDictionary<int, byte[]>();

        Parallel.For(0, names.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = _renderer.Render(Samples.Content(names[i % names.Length]), i % 2 == 0 ? Samples.English : Samples.Arabic));

        foreach (var (i, pdf) in results)
        {
            Assert.Contains(names[i % names.Length], PdfTools.ExtractText(pdf), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_character_no_font_has_is_refused_with_its_code_point()
    {
        var error = Assert.Throws<CertificateTextException>(() => _renderer.Render(Samples.Content("Ana \U0001F600"), Samples.English));

        Assert.Contains("U+1F600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fonts_are_named_with_the_debian_packages()
    {
        var error = Assert.Throws<CertificateFontsMissingException>(() => FontCatalogue.Load("/nonexistent-fonts"));

        Assert.Contains("fonts-noto-core fonts-noto-cjk", error.Message, StringComparison.Ordinal);
        Assert.Contains("NotoSans-Regular.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_metadata_names_the_certificate()
    {
        var content = Samples.Content("김민준");

        var info = PdfTools.Info(_renderer.Render(content, Samples.English));

        Assert.Contains("Certificate of completion – 김민준", info, StringComparison.Ordinal);
        Assert.Contains(content.IssuingOrganisation, info, StringComparison.Ordinal);
        Assert.Contains("842 x 595 pts (A4)", info, StringComparison.Ordinal);
    }
}
