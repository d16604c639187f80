using System.Globalization;

namespace RightsAcademy.Web.Infrastructure.Localization;

/// <summary>ISO 3166-1 alpha-2 codes known to the machine's ICU data, with names in the viewer's language.</summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlySet<string>> LazyCodes = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper))
        .Select(code => code!)
        .ToHashSet(StringComparer.Ordinal));

    public static IReadOnlySet<string> Codes => LazyCodes.Value;

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string DisplayName(string code)
    {
        try
        {
            return new RegionInfo(code).DisplayName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
