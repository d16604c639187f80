using System.Text.RegularExpressions;

namespace RightsAcademy.Content;

/// <summary>The naming rules for slugs and numbered names ("NN-slug"), shared by the compiler and the
/// folder scan so both say the same thing about the same name.</summary>
public static partial class Slugs
{
    /// <summary>Lowercase letters, digits and single hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    internal static NumberedName ParseNumbered(string name)
    {
        if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            return new NumberedName(NumberedNameStatus.NotNumbered, 0, "");
        var match = NumberedPattern().Match(name);
        if (!match.Success)
            return new NumberedName(NumberedNameStatus.BadPrefix, 0, "");
        var slug = match.Groups[2].Value;
        var number = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        return new NumberedName(IsSlug(slug) ? NumberedNameStatus.Valid : NumberedNameStatus.BadSlug, number, slug);
    }

    internal const string SlugRule = "lowercase letters a-z, digits 0-9 and single hyphens";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^([0-9]{2})-(.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex NumberedPattern();
}

internal enum NumberedNameStatus { Valid, NotNumbered, BadPrefix, BadSlug }

internal readonly record struct NumberedName(NumberedNameStatus Status, int Number, string Slug);
