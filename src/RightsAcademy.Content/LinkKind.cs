using System.Text.RegularExpressions;

namespace RightsAcademy.Content;

/// <summary>What a link or image URL in Markdown is, judged the way a browser would read it.</summary>
public enum LinkKind
{
    /// <summary>No URL at all: "[text]()".</summary>
    Empty,

    /// <summary>"#heading" on the same page.</summary>
    Anchor,

    /// <summary>http, https or mailto.</summary>
    External,

    /// <summary>A path relative to the Markdown file: a lesson, module, course or asset.</summary>
    Relative,

    /// <summary>"/path": a site path, which trainers cannot know (the web app decides URLs).</summary>
    SiteAbsolute,

    /// <summary>Any other scheme (javascript:, data:, vbscript:, file:, ...) or a protocol-relative "//host".</summary>
    Unsafe,
}

internal static partial class LinkClassifier
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static LinkKind Classify(string? url)
    {
        if (url is null)
            return LinkKind.Empty;
        // Browsers drop tabs and newlines anywhere in a URL and trim control characters and spaces before
        // reading the scheme ("java\tscript:" is javascript:), so judge the URL without any of them.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (compact.Length == 0)
            return LinkKind.Empty;
        if (compact[0] == '#')
            return LinkKind.Anchor;
        if (compact[0] is '/' or '\\')
            return compact.Length > 1 && compact[1] is '/' or '\\' ? LinkKind.Unsafe : LinkKind.SiteAbsolute;
        var scheme = SchemePattern().Match(compact);
        if (scheme.Success)
        {
            return AllowedSchemes.Contains(scheme.Groups[1].Value, StringComparer.OrdinalIgnoreCase)
                ? LinkKind.External
                : LinkKind.Unsafe;
        }
        return LinkKind.Relative;
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
