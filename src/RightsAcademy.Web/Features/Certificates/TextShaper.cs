using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>One font's glyphs for a run of text, in visual order; positions and advance in ems (multiply by the size).</summary>
/// <param name="Clusters">For each glyph, the byte offset in <paramref name="Text"/> (UTF-8) of the characters it draws.</param>
internal sealed record ShapedRun(FontFace Face, ushort[] Glyphs, float[] X, float[] Y, uint[] Clusters, byte[] Text, float Advance);

/// <summary>A line ready to draw: runs in visual (left-to-right) order.</summary>
/// <param name="RightToLeft">The line's base direction, which decides the order of its runs.</param>
internal sealed record ShapedLine(string Text, bool RightToLeft, IReadOnlyList<ShapedRun> Runs)
{
    public float Width => Runs.Sum(r => r.Advance);
}

/// <summary>
/// Turns a line of text in any mix of scripts into positioned glyphs: splits it into bidi runs (a simplified
/// Unicode Bidirectional Algorithm: one paragraph, no explicit embeddings) and into runs of one font
/// (script first, then coverage), then shapes each run with HarfBuzz. Stateless; safe to call concurrently.
/// </summary>
internal sealed class TextShaper(FontCatalogue fonts)
{
    // Poppler extracts the "الله" ligature reversed; without 'liga' Noto Naskh draws the same letters unchanged
    // (lam-alef and the other required ligatures come from 'rlig', which stays on).
    private static readonly Feature[] RightToLeftFeatures = [Feature.Parse("-liga")];

    /// <param name="rightToLeftDocument">The direction of a line with no strong character (e.g. only digits).</param>
    /// <param name="rightToLeftLine">Forces the line's base direction, so the lines of one wrapped paragraph agree.</param>
    public ShapedLine Shape(string text, bool bold, bool rightToLeftDocument, bool? rightToLeftLine = null)
    {
        var clean = Clean(text);
        var runes = clean.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return new ShapedLine(clean, rightToLeftLine ?? rightToLeftDocument, []);
        }

        var utf8 = Encoding.UTF8.GetBytes(clean);
        var offsets = new int[runes.Length + 1];
        for (var i = 0; i < runes.Length; i++)
        {
            offsets[i + 1] = offsets[i] + runes[i].Utf8SequenceLength;
        }

        var scripts = runes.Select(r => UnicodeFunctions.Default.GetScript(r.Value)).ToArray();
        var baseRtl = rightToLeftLine ?? BaseDirection(runes, scripts) ?? rightToLeftDocument;
        var levels = Bidi.Levels(runes, scripts, baseRtl);
        var faces = ChooseFonts(runes, ResolveScripts(scripts), bold, clean);

        var items = new List<Item>();
        for (var start = 0; start < runes.Length;)
        {
            var end = start + 1;
            while (end < runes.Length && levels[end] == levels[start] && faces[end] == faces[start])
            {
                end++;
            }

            items.Add(new Item(start, end, levels[start], faces[start], ItemScript(scripts, start, end)));
            start = end;
        }

        var runs = Bidi.VisualOrder(items, i => i.Level)
            .Select(item => ShapeItem(item, utf8, offsets))
            .ToList();
        return new ShapedLine(clean, baseRtl, runs);
    }

    /// <summary>What the certificate prints: NFC (so precomposed letters find their glyphs), single spaces, no controls.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069)
            {
                continue; // explicit embeddings and isolates: the simplified bidi does not model them
            }

            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }

    private static bool? BaseDirection(Rune[] runes, Script[] scripts)
    {
        for (var i = 0; i < runes.Length; i++)
        {
            switch (Bidi.Classify(runes[i], scripts[i]))
            {
                case BidiClass.L:
                    return false;
                case BidiClass.R:
                    return true;
            }
        }

        return null;
    }

    // Common characters (spaces, punctuation, digits) and combining marks belong to the script around them, so a
    // space inside an Arabic name is shaped with the Arabic font instead of breaking the run.
    private static Script[] ResolveScripts(Script[] scripts)
    {
        var resolved = new Script[scripts.Length];
        Script? previous = null;
        for (var i = 0; i < scripts.Length; i++)
        {
            if (IsReal(scripts[i]))
            {
                previous = scripts[i];
            }

            resolved[i] = previous ?? scripts.Skip(i).FirstOrDefault(IsReal, Script.Latin);
        }

        return resolved;
    }

    private static bool IsReal(Script script) =>
        !script.Equals(Script.Common) && !script.Equals(Script.Inherited) && !script.Equals(Script.Unknown);

    private static Script ItemScript(Script[] scripts, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsReal(scripts[i]))
            {
                return scripts[i];
            }
        }

        return Script.Common;
    }

    private FontFace[] ChooseFonts(Rune[] runes, Script[] scripts, bool bold, string text)
    {
        var faces = new FontFace[runes.Length];
        var missing = new List<Rune>();
        for (var i = 0; i < runes.Length; i++)
        {
            var value = runes[i].Value;
            var chain = fonts.Chain(scripts[i], bold);
            var previous = i > 0 ? faces[i - 1] : null;
            // A mark stays with its base character's font, so HarfBuzz sees the whole cluster.
            if (previous is not null && (IsMark(runes[i]) || IsDefaultIgnorable(value)) && (previous.Covers(value) || IsDefaultIgnorable(value)))
            {
                faces[i] = previous;
                continue;
            }

            var face = chain.FirstOrDefault(f => f.Covers(value));
            if (face is null)
            {
                if (!IsDefaultIgnorable(value))
                {
                    missing.Add(runes[i]);
                }

                face = previous ?? chain[0];
            }

            faces[i] = face;
        }

        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Distinct().Select(r => $"U+{r.Value:X4} ({r})"));
            throw new CertificateTextException($"No installed certificate font can draw {list} in \"{text}\".");
        }

        return faces;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // HarfBuzz draws these as nothing, whatever the font; they must not count as missing glyphs.
    internal static bool IsDefaultIgnorable(int value) => value is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
        or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0xE0000 and <= 0xE0FFF);

    private static ShapedRun ShapeItem(Item item, byte[] utf8, int[] offsets)
    {
        var start = offsets[item.Start];
        var length = offsets[item.End] - start;
        var rtl = item.Level % 2 == 1;
        using var buffer = new Buffer();
        // The whole line goes in as context, so letters at a run's edge are shaped knowing their neighbours.
        buffer.AddUtf8(utf8, start, length);
        buffer.Direction = rtl ? Direction.RightToLeft : Direction.LeftToRight;
        if (IsReal(item.Script))
        {
            buffer.Script = item.Script;
        }

        buffer.GuessSegmentProperties();
        item.Face.HarfBuzzFont.Shape(buffer, rtl ? RightToLeftFeatures : []);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var em = (float)item.Face.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var x = new float[infos.Length];
        var y = new float[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = checked((ushort)infos[i].Codepoint);
            clusters[i] = infos[i].Cluster - (uint)start;
            x[i] = (pen + positions[i].XOffset) / em;
            y[i] = -positions[i].YOffset / em; // HarfBuzz's y grows upwards, Skia's downwards
            pen += positions[i].XAdvance;
        }

        return new ShapedRun(item.Face, glyphs, x, y, clusters, utf8[start..(start + length)], pen / em);
    }

    private sealed record Item(int Start, int End, int Level, FontFace Face, Script Script);
}

/// <summary>A name or title holds a character that none of the certificate fonts has.</summary>
public sealed class CertificateTextException : Exception
{
    public CertificateTextException(string message) : base(message) { }

    public CertificateTextException(string message, Exception inner) : base(message, inner) { }

    public CertificateTextException() { }
}
