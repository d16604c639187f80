using Ganss.Xss;

namespace RightsAcademy.Web.Features.Outbox;

/// <summary>
/// The HTML part of a mail made safe to show inside the admin page: text, links, lists, tables and images stay;
/// scripts, event handlers, forms, frames, styles and ids (which could clash with the page's own) go. A sandboxed
/// iframe would isolate the mail further, but accessibility checkers cannot enter a frame that runs no scripts,
/// and the site's CSP (no inline scripts or styles, images only from the site) already applies here.
/// </summary>
public static class MailPreview
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
                "em", "strong", "b", "i", "u", "small", "span", "div", "a", "img",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "lang", "dir" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            // A mail's text inside a wrapper we do not allow (html, body, center, font ...) is still its text.
            KeepChildNodes = true,
        };
        // Scripts, styles and the like hold code or metadata, not text: with KeepChildNodes it would otherwise show.
        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "head" or "title" or "template" or "noscript" or "textarea" or "select")
            {
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } anchor && anchor.HasAttribute("href"))
            {
                // An admin following a link from a preview does not hand the target a way back into this page.
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
