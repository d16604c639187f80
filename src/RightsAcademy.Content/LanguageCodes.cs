using System.Collections.Frozen;

namespace RightsAcademy.Content;

/// <summary>ISO 639-1 language codes, shipped in code so validation does not depend on ICU data (which
/// differs between machines and is absent under invariant globalisation).</summary>
public static class LanguageCodes
{
    private static readonly FrozenSet<string> Codes = (
        "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy " +
        "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz " +
        "ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv " +
        "mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu " +
        "rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty " +
        "ug uk ur uz ve vi vo wa wo xh yi yo za zh zu")
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    // Languages written right to left, so the web app can set dir="rtl" without ICU.
    private static readonly FrozenSet<string> RightToLeft =
        new[] { "ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>All known codes (lowercase, two letters).</summary>
    public static IReadOnlyCollection<string> All => Codes;

    /// <summary>True for a lowercase ISO 639-1 code such as "en" or "ko".</summary>
    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static bool IsRightToLeft(string? code) => code is not null && RightToLeft.Contains(code);
}
