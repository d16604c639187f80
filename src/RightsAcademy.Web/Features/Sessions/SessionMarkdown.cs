using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Renders what coordinators, facilitators and presenters type (agenda, outcomes, practices) through the content
/// library's one Markdown pipeline: raw HTML is disabled and the result is sanitised (no script, no javascript:
/// links). Rendered once at save; pages print the stored HTML. Relative links have nothing to point to here and are
/// dropped.
/// </summary>
public sealed class SessionMarkdown(MarkdownRenderer renderer)
{
    private static readonly MarkdownRenderContext Context = new("sessions", "session", 1, _ => null);

    public string ToHtml(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : renderer.Render(markdown, Context).Html;
}
