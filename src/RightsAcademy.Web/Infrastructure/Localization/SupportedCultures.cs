using System.Globalization;

namespace RightsAcademy.Web.Infrastructure.Localization;

public static class SupportedCultures
{
    public const string Default = "en";

    /// <summary>The interface languages; each has a complete resource file (a test enforces it).</summary>
    public static readonly IReadOnlyList<string> Codes = ["en", "fr", "es", "ar"];

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The language's own name, so a reader finds their language whatever the page's language is.</summary>
    public static string NativeName(string code) =>
        CultureInfo.GetCultureInfo(code).TextInfo.ToTitleCase(CultureInfo.GetCultureInfo(code).NativeName);
}
