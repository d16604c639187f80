using HarfBuzzSharp;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The Noto fonts a certificate may need, found under a folder (Debian: /usr/share/fonts) and opened once
/// for the life of the app: Latin, Greek, Cyrillic and Vietnamese (Noto Sans), Arabic (Noto Naskh Arabic),
/// Devanagari (Noto Sans Devanagari) and Korean (Noto Sans CJK KR, which also covers Chinese and Japanese).
/// </summary>
public sealed class FontCatalogue : IDisposable
{
    public const string DefaultFolder = "/usr/share/fonts";

    public const string DebianPackages = "fonts-noto-core fonts-noto-cjk";

    private static readonly FontSlot[] Slots =
    [
        new("Noto Sans", ["NotoSans-Regular.ttf"], ["NotoSans-Bold.ttf"]),
        new("Noto Naskh Arabic", ["NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf"], ["NotoNaskhArabic-Bold.ttf", "NotoSansArabic-Bold.ttf"]),
        new("Noto Sans Devanagari", ["NotoSansDevanagari-Regular.ttf"], ["NotoSansDevanagari-Bold.ttf"]),
        new("Noto Sans CJK KR", ["NotoSansCJK-Regular.ttc", "NotoSansCJKkr-Regular.otf"], ["NotoSansCJK-Bold.ttc", "NotoSansCJKkr-Bold.otf"], CollectionFamily: "Noto Sans CJK KR"),
    ];

    private readonly FontFace[] _regular;
    private readonly FontFace[] _bold;

    // For each preferred slot, that font first and the others after it: built once, read on every character.
    private readonly FontFace[][] _regularChains;
    private readonly FontFace[][] _boldChains;

    private FontCatalogue(FontFace[] regular, FontFace[] bold)
    {
        _regular = regular;
        _bold = bold;
        _regularChains = [.. Enumerable.Range(0, regular.Length).Select(i => ChainFrom(regular, i))];
        _boldChains = [.. Enumerable.Range(0, bold.Length).Select(i => ChainFrom(bold, i))];
    }

    /// <summary>Opens every font, or throws <see cref="CertificateFontsMissingException"/> naming the Debian packages.</summary>
    public static FontCatalogue Load(string folder = DefaultFolder)
    {
        var files = Locate(folder);
        var missing = Missing(files);
        if (missing.Count > 0)
        {
            throw new CertificateFontsMissingException(MissingMessage(folder, missing));
        }

        var regular = new List<FontFace>();
        var bold = new List<FontFace>();
        try
        {
            foreach (var slot in Slots)
            {
                regular.Add(Open(slot, slot.Regular.Select(f => files.GetValueOrDefault(f)).First(p => p is not null)!, bold: false));
                bold.Add(Open(slot, slot.Bold.Select(f => files.GetValueOrDefault(f)).First(p => p is not null)!, bold: true));
            }
        }
        catch
        {
            regular.Concat(bold).ToList().ForEach(f => f.Dispose());
            throw;
        }

        return new FontCatalogue([.. regular], [.. bold]);
    }

    /// <summary>The font files that are missing under <paramref name="folder"/>; empty when all are there. Cheap: opens nothing.</summary>
    public static IReadOnlyList<string> FindMissing(string folder) => Missing(Locate(folder));

    public static string MissingMessage(string folder, IReadOnlyList<string> missing) =>
        $"Certificates need fonts that are not installed under {folder}: {string.Join(", ", missing)}. " +
        $"Install the Debian packages {DebianPackages} (sudo apt-get install -y {DebianPackages}); infra/run and infra/test do this.";

    /// <summary>The fonts to try for a character of <paramref name="script"/>, best first; every other font follows as a fallback.</summary>
    internal IReadOnlyList<FontFace> Chain(Script script, bool bold) => (bold ? _boldChains : _regularChains)[PreferredSlot(script)];

    internal IEnumerable<FontFace> All => _regular.Concat(_bold);

    public void Dispose()
    {
        foreach (var face in All)
        {
            face.Dispose();
        }
    }

    private static FontFace[] ChainFrom(FontFace[] fonts, int preferred) => [fonts[preferred], .. fonts.Where((_, i) => i != preferred)];

    private static int PreferredSlot(Script script)
    {
        if (script == Script.Arabic)
        {
            return 1;
        }

        if (script == Script.Devanagari)
        {
            return 2;
        }

        return script == Script.Hangul || script == Script.Han || script == Script.Hiragana || script == Script.Katakana || script == Script.Bopomofo
            ? 3
            : 0;
    }

    private static Dictionary<string, string> Locate(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(folder, "Noto*", options).Order(StringComparer.Ordinal))
        {
            files.TryAdd(System.IO.Path.GetFileName(path), path);
        }

        return files;
    }

    private static List<string> Missing(Dictionary<string, string> files) =>
        Slots.SelectMany(s => new[] { s.Regular, s.Bold })
            .Where(candidates => !candidates.Any(files.ContainsKey))
            .Select(candidates => candidates[0])
            .ToList();

    private static FontFace Open(FontSlot slot, string path, bool bold)
    {
        var name = slot.Family + (bold ? " Bold" : "");
        return new FontFace(name, path, slot.CollectionFamily is null ? 0 : CollectionIndex(path, slot.CollectionFamily));
    }

    // A .ttc holds Japanese, Korean, Chinese... faces; the Korean one has Korean glyph shapes for shared Han characters.
    private static int CollectionIndex(string path, string family)
    {
        using var blob = Blob.FromFile(path);
        for (var index = 0; index < Math.Max(1, blob.FaceCount); index++)
        {
            using var typeface = SkiaSharp.SKTypeface.FromFile(path, index);
            if (typeface?.FamilyName == family)
            {
                return index;
            }
        }

        throw new CertificateFontsMissingException($"{path} has no face of the family {family}. Reinstall the Debian package fonts-noto-cjk.");
    }

    private sealed record FontSlot(string Family, string[] Regular, string[] Bold, string? CollectionFamily = null);
}

/// <summary>The Noto fonts are not installed; the message says which Debian packages bring them.</summary>
public sealed class CertificateFontsMissingException : Exception
{
    public CertificateFontsMissingException(string message) : base(message) { }

    public CertificateFontsMissingException(string message, Exception inner) : base(message, inner) { }

    public CertificateFontsMissingException() { }
}
