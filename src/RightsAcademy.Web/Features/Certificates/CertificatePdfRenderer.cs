using System.Globalization;
using SkiaSharp;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Draws a certificate as a one-page A4 landscape PDF: every script shaped by HarfBuzz and drawn as text that
/// PDF readers can search and copy, a vector QR code to the verification page, fonts cut down to the glyphs
/// used. Holds no per-render state, so one instance serves concurrent renders.
/// </summary>
public sealed class CertificatePdfRenderer(FontCatalogue fonts, TimeProvider clock)
{
    /// <summary>A4 landscape in PDF points (1/72 inch).</summary>
    public const float PageWidth = 842f;

    public const float PageHeight = 595f;

    internal const float Margin = 70f;
    internal const float QrSize = 96f;
    internal const float QrTop = 458f;

    private static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);
    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Muted = new(0x55, 0x55, 0x55);

    private readonly TextShaper _shaper = new(fonts);

    public byte[] Render(CertificateContent content, CertificateLabels labels)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(labels);
        var page = new PageLayout(_shaper, labels.IsRightToLeft);
        ComposeBody(page, content, labels);
        ComposeFooter(page, content, labels);
        return Write(page, content, labels);
    }

    /// <summary>Where the QR code sits on the page, in points: left or right by the labels' direction.</summary>
    internal static SKRect QrBounds(bool rightToLeft)
    {
        var left = rightToLeft ? PageWidth - Margin - QrSize : Margin;
        return new SKRect(left, QrTop, left + QrSize, QrTop + QrSize);
    }

    private static void ComposeBody(PageLayout page, CertificateContent content, CertificateLabels labels)
    {
        const float width = PageWidth - (2 * Margin);
        var body = new TextBlock(page);
        body.Add(content.IssuingOrganisation, new TextStyle(13, false, Muted), gapBefore: 0, width);
        body.Add(labels.Heading, new TextStyle(32, true, Accent, MinSize: 20), gapBefore: 14, width);
        body.Rule(gapBefore: 12, width: 90);
        body.Add(labels.AwardedTo, new TextStyle(13, false, Muted), gapBefore: 16, width);
        body.Add(content.LearnerName, new TextStyle(34, true, Ink, MinSize: 18, MaxLines: 2), gapBefore: 6, width);
        body.Add(content.MunicipalityName, new TextStyle(14, false, Ink, MinSize: 9), gapBefore: 4, width);
        body.Add(labels.ForCompleting, new TextStyle(13, false, Muted), gapBefore: 18, width);
        body.Add(content.CourseTitle, new TextStyle(22, true, Ink, MinSize: 13, MaxLines: 3), gapBefore: 6, width);
        var completed = $"{labels.FormatCompletedOn(content.CompletionDate)}  ·  {labels.FormatHours(content.Hours)}";
        body.Add(completed, new TextStyle(12.5f, false, Muted, MinSize: 8), gapBefore: 14, width);
        // Centred in the space above the footer, so a short certificate does not hang from the top.
        body.PlaceCentredBetween(top: 50, bottom: QrTop - 14);
    }

    private static void ComposeFooter(PageLayout page, CertificateContent content, CertificateLabels labels)
    {
        var rtl = labels.IsRightToLeft;
        var qr = QrBounds(rtl);
        page.Qr = (QrCode.Modules(QrCode.Payload(content)), qr);

        // Beside the QR code, aligned to the reading start; the issuer on the far side.
        const float columnWidth = 340f;
        var start = new Column(page, rtl ? qr.Left - 16 : qr.Right + 16, rtl ? Align.Right : Align.Left, columnWidth);
        start.Add(labels.VerifyAt, new TextStyle(9, false, Muted), QrTop + 14);
        start.Add(content.VerificationUrl.AbsoluteUri, new TextStyle(10.5f, false, Ink, MinSize: 6), QrTop + 29);
        start.Add(labels.VerificationCode, new TextStyle(9, false, Muted), QrTop + 55);
        start.Add(content.VerificationCode, new TextStyle(13, true, Ink, MinSize: 8), QrTop + 72);

        var end = new Column(page, rtl ? Margin : PageWidth - Margin, rtl ? Align.Left : Align.Right, 220f);
        end.Add(labels.IssuedBy, new TextStyle(9, false, Muted), QrTop + 14);
        end.Add(content.IssuingOrganisation, new TextStyle(11.5f, true, Ink, MinSize: 7), QrTop + 30);
        end.Add(labels.CertificateId, new TextStyle(9, false, Muted), QrTop + 55);
        end.Add(content.CertificateId.ToString("D", CultureInfo.InvariantCulture), new TextStyle(8.5f, false, Muted, MinSize: 6), QrTop + 70);
    }

    private byte[] Write(PageLayout page, CertificateContent content, CertificateLabels labels)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // From Default, not new(): a fresh metadata has encoding quality 0, which would store images as lossy JPEG.
        var metadata = SKDocumentPdfMetadata.Default with
        {
            Title = $"{labels.Heading} – {TextShaper.Clean(content.LearnerName)}",
            Author = content.IssuingOrganisation,
            Subject = content.CourseTitle,
            Keywords = content.VerificationCode,
            Creator = "RightsAcademy",
            Creation = now,
            Modified = now,
        };

        var typefaces = SubsetTypefaces(page);
        try
        {
            using var stream = new MemoryStream();
            using (var document = SKDocument.CreatePdf(stream, metadata))
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                DrawFrame(canvas);
                foreach (var rule in page.Rules)
                {
                    using var paint = new SKPaint { Color = Accent, StrokeWidth = 1f, Style = SKPaintStyle.Stroke, IsAntialias = true };
                    canvas.DrawLine(rule.Left, rule.Top, rule.Right, rule.Top, paint);
                }

                if (page.Qr is var (modules, bounds))
                {
                    DrawQr(canvas, modules, bounds);
                }

                foreach (var text in page.Texts)
                {
                    DrawText(canvas, text, typefaces);
                }

                document.EndPage();
                document.Close();
            }

            return stream.ToArray();
        }
        finally
        {
            foreach (var typeface in typefaces.Values.Where(t => !fonts.All.Any(f => ReferenceEquals(f.Typeface, t))))
            {
                typeface.Dispose();
            }
        }
    }

    // One typeface per font per document (each typeface is embedded once), cut down to the glyphs this page uses.
    private static Dictionary<FontFace, SKTypeface> SubsetTypefaces(PageLayout page)
    {
        var result = new Dictionary<FontFace, SKTypeface>();
        foreach (var group in page.Texts.SelectMany(t => t.Line.Runs).GroupBy(r => r.Face))
        {
            var glyphs = group.SelectMany(r => r.Glyphs).ToHashSet();
            var codepoints = group.SelectMany(r => System.Text.Encoding.UTF8.GetString(r.Text).EnumerateRunes()).Select(r => r.Value).ToHashSet();
            result[group.Key] = FontSubsetter.Subset(group.Key, glyphs, codepoints) ?? group.Key.Typeface;
        }

        return result;
    }

    private static void DrawFrame(SKCanvas canvas)
    {
        using var outer = new SKPaint { Color = Accent, StrokeWidth = 2.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(new SKRect(22, 22, PageWidth - 22, PageHeight - 22), outer);
        using var inner = new SKPaint { Color = Accent, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(new SKRect(29, 29, PageWidth - 29, PageHeight - 29), inner);
    }

    // Squares in one path: lossless at any zoom or print resolution, and a few KB instead of an image.
    private static void DrawQr(SKCanvas canvas, bool[,] modules, SKRect bounds)
    {
        var count = modules.GetLength(0);
        var module = bounds.Width / count;
        using var builder = new SKPathBuilder();
        for (var y = 0; y < count; y++)
        {
            for (var x = 0; x < count;)
            {
                if (!modules[y, x])
                {
                    x++;
                    continue;
                }

                var end = x;
                while (end < count && modules[y, end])
                {
                    end++;
                }

                builder.AddRect(new SKRect(bounds.Left + (x * module), bounds.Top + (y * module), bounds.Left + (end * module), bounds.Top + ((y + 1) * module)));
                x = end;
            }
        }

        using var path = builder.Detach();
        using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, paint);
    }

    // Each run carries its UTF-8 text and the glyph-to-text cluster map, so the PDF maps glyphs back to text even
    // where one glyph draws several letters or the glyph order is not the text order (Arabic, Devanagari).
    private static void DrawText(SKCanvas canvas, PlacedText text, Dictionary<FontFace, SKTypeface> typefaces)
    {
        using var builder = new SKTextBlobBuilder();
        var pen = text.X;
        foreach (var run in text.Line.Runs)
        {
            using var font = new SKFont(typefaces[run.Face], text.Size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Text.Length, null);
            var positions = new SKPoint[run.Glyphs.Length];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i] = new SKPoint(pen + (run.X[i] * text.Size), text.Baseline + (run.Y[i] * text.Size));
            }

            buffer.SetGlyphs(run.Glyphs);
            buffer.SetPositions(positions);
            buffer.SetClusters(run.Clusters);
            buffer.SetText(run.Text);
            pen += run.Advance * text.Size;
        }

        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        using var paint = new SKPaint { Color = text.Color, IsAntialias = true };
        canvas.DrawText(blob, 0, 0, paint);
    }
}
