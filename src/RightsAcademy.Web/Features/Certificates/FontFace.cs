using HarfBuzzSharp;
using SkiaSharp;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// One font file (one face of a collection), opened once: HarfBuzz shapes with it and subsets it,
/// Skia draws with it when subsetting fails. Read-only after construction, so it is shared by every render.
/// </summary>
internal sealed class FontFace : IDisposable
{
    private readonly Blob _blob;

    public FontFace(string name, string path, int index)
    {
        Name = name;
        Path = path;
        Index = index;
        _blob = Blob.FromFile(path);
        HarfBuzzFace = new Face(_blob, index);
        HarfBuzzFace.MakeImmutable();
        UnitsPerEm = HarfBuzzFace.UnitsPerEm;
        HarfBuzzFont = new Font(HarfBuzzFace);
        // Positions in font units; the renderer scales them to any size without shaping again.
        HarfBuzzFont.SetScale(UnitsPerEm, UnitsPerEm);
        Typeface = SKTypeface.FromFile(path, index)
            ?? throw new InvalidOperationException($"Skia cannot read the font {path} (face {index}).");
    }

    public string Name { get; }

    public string Path { get; }

    public int Index { get; }

    public int UnitsPerEm { get; }

    public Face HarfBuzzFace { get; }

    public Font HarfBuzzFont { get; }

    public SKTypeface Typeface { get; }

    public bool Covers(int codepoint) => HarfBuzzFont.TryGetNominalGlyph(codepoint, out _);

    public void Dispose()
    {
        Typeface.Dispose();
        HarfBuzzFont.Dispose();
        HarfBuzzFace.Dispose();
        _blob.Dispose();
    }

    public override string ToString() => Name;
}
