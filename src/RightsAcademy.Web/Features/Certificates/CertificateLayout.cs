using SkiaSharp;

namespace RightsAcademy.Web.Features.Certificates;

/// <param name="MinSize">How far the text may shrink to fit its width before it wraps (or, on one line, overflows).</param>
internal sealed record TextStyle(float Size, bool Bold, SKColor Color, float MinSize = 0, int MaxLines = 1);

/// <summary>A shaped line at its place on the page: <paramref name="X"/> is its left edge, whatever its direction.</summary>
internal sealed record PlacedText(ShapedLine Line, float X, float Baseline, float Size, SKColor Color);

internal enum Align { Left, Right }

/// <summary>What one page will draw, decided before drawing so the fonts can be cut to the glyphs used.</summary>
internal sealed class PageLayout(TextShaper shaper, bool rightToLeft)
{
    // A long name shrinks to this share of its size on one line before it may wrap onto a second.
    private const float ShrinkBeforeWrapping = 0.8f;

    public List<PlacedText> Texts { get; } = [];

    public List<SKRect> Rules { get; } = [];

    public (bool[,] Modules, SKRect Bounds)? Qr { get; set; }

    /// <summary>The lines and size at which <paramref name="text"/> fits <paramref name="width"/> points.</summary>
    public (IReadOnlyList<ShapedLine> Lines, float Size) Fit(string text, TextStyle style, float width)
    {
        var whole = shaper.Shape(text, style.Bold, rightToLeft);
        if (whole.Runs.Count == 0)
        {
            return ([], style.Size);
        }

        var min = style.MinSize > 0 ? Math.Min(style.MinSize, style.Size) : style.Size;
        var size = style.Size;
        var oneLineLimit = style.MaxLines > 1 ? Math.Max(min, style.Size * ShrinkBeforeWrapping) : min;
        while (whole.Width * size > width && size > oneLineLimit)
        {
            size = Math.Max(oneLineLimit, size * 0.95f);
        }

        List<ShapedLine> lines = [whole];
        if (whole.Width * size > width && style.MaxLines > 1)
        {
            while (true)
            {
                lines = Wrap(whole, style.Bold, size, width);
                if ((lines.Count <= style.MaxLines && lines.All(l => l.Width * size <= width)) || size <= min)
                {
                    break;
                }

                size = Math.Max(min, size * 0.95f);
            }
        }

        // A single word wider than the line, or more text than the smallest size holds: smaller still, never clipped.
        var widest = lines.Max(l => l.Width);
        if (widest * size > width)
        {
            size = width / widest;
        }

        return (lines, size);
    }

    // Greedy, at spaces; every line keeps the paragraph's direction so an Arabic title does not flip halfway.
    private List<ShapedLine> Wrap(ShapedLine whole, bool bold, float size, float width)
    {
        var words = whole.Text.Split(' ');
        var lines = new List<ShapedLine>();
        var current = words[0];
        foreach (var word in words.Skip(1))
        {
            var candidate = $"{current} {word}";
            if (shaper.Shape(candidate, bold, rightToLeft, whole.RightToLeft).Width * size <= width)
            {
                current = candidate;
                continue;
            }

            lines.Add(shaper.Shape(current, bold, rightToLeft, whole.RightToLeft));
            current = word;
        }

        lines.Add(shaper.Shape(current, bold, rightToLeft, whole.RightToLeft));
        return lines;
    }
}

/// <summary>Lines stacked from the top, then centred horizontally and placed as one block.</summary>
internal sealed class TextBlock(PageLayout page)
{
    private readonly List<(ShapedLine Line, float Baseline, float Size, SKColor Color)> _lines = [];
    private readonly List<(float Y, float Width)> _rules = [];
    private float _height;

    public void Add(string text, TextStyle style, float gapBefore, float width)
    {
        var (lines, size) = page.Fit(text, style, width);
        if (lines.Count == 0)
        {
            return;
        }

        _height += gapBefore;
        foreach (var line in lines)
        {
            // Room for Arabic and Devanagari marks above and below, which reach further than Latin letters.
            var baseline = _height + (size * 0.95f);
            _lines.Add((line, baseline, size, style.Color));
            _height = baseline + (size * 0.38f);
        }
    }

    public void Rule(float gapBefore, float width)
    {
        _height += gapBefore;
        _rules.Add((_height, width));
    }

    public void PlaceCentredBetween(float top, float bottom)
    {
        var offset = top + Math.Max(0, (bottom - top - _height) / 2);
        const float pageWidth = CertificatePdfRenderer.PageWidth;
        foreach (var (line, baseline, size, color) in _lines)
        {
            page.Texts.Add(new PlacedText(line, (pageWidth - (line.Width * size)) / 2, baseline + offset, size, color));
        }

        foreach (var (y, width) in _rules)
        {
            page.Rules.Add(new SKRect((pageWidth - width) / 2, y + offset, (pageWidth + width) / 2, y + offset));
        }
    }
}

/// <summary>Single lines at fixed baselines, aligned to one edge.</summary>
internal sealed class Column(PageLayout page, float anchor, Align align, float width)
{
    public void Add(string text, TextStyle style, float baseline)
    {
        var (lines, size) = page.Fit(text, style with { MaxLines = 1 }, width);
        if (lines.Count == 0)
        {
            return;
        }

        var line = lines[0];
        var x = align == Align.Left ? anchor : anchor - (line.Width * size);
        page.Texts.Add(new PlacedText(line, x, baseline, size, style.Color));
    }
}
