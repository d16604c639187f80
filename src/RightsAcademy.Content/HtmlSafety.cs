using AngleSharp.Dom;
using Ganss.Xss;

namespace RightsAcademy.Content;

/// <summary>The last line of defence after Markdig: whatever the renderer produced, only the elements,
/// attributes and URLs that our Markdown features need survive. Raw HTML is already disabled in the
/// pipeline; this also covers bugs in Markdig, in our AST rewriting and in the web app's URL builder.</summary>
internal static class HtmlSafety
{
    // HtmlSanitizer is thread-safe for Sanitize calls once configured, so one instance serves every render.
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
                "em", "strong", "del", "sup", "sub", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                "figure", "figcaption", "aside", "section", "div",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                // id: heading anchors and footnotes; class: callouts, footnotes, code languages;
                // style: only text-align (below), which pipe tables use for column alignment.
                "href", "src", "alt", "title", "id", "class", "rel", "start", "style",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            // Our own Markdown never yields a disallowed element, so if one appears its text is still content
            // the trainer wrote: keep it as text rather than silently losing words.
            KeepChildNodes = true,
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = IsAllowedUrl(e.SanitizedUrl) ? e.SanitizedUrl : null;
        sanitizer.PostProcessNode += (_, e) => AddRelToExternalLinks(e.Node);
        return sanitizer;
    }

    /// <summary>Relative URLs are only the site paths our URL builder produces ('/...') and in-page anchors
    /// ('#...'); anything else must be an absolute http, https or mailto URL.</summary>
    internal static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return false;
        if (url[0] == '#')
            return true;
        if (url[0] == '/')
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        // Unlike LinkClassifier this sees the exact attribute value, so no whitespace tolerance is needed:
        // anything that does not start with an allowed scheme is rejected.
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    private static void AddRelToExternalLinks(INode node)
    {
        if (node is IElement { LocalName: "a" } anchor
            && anchor.GetAttribute("href") is { } href
            && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            // Keeps the opened page from scripting ours (window.opener) and from learning which lesson linked it.
            anchor.SetAttribute("rel", "noopener noreferrer");
        }
    }
}
