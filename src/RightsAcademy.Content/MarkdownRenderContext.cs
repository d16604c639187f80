namespace RightsAcademy.Content;

/// <summary>Where a piece of Markdown comes from, so links can be rewritten and problems located, without the
/// renderer doing any IO.</summary>
/// <param name="CourseSlug">The course the Markdown belongs to.</param>
/// <param name="FilePath">The path problems name (the compiler passes the display path of the file).</param>
/// <param name="FirstLine">The 1-based line of the file on which the Markdown text starts (after front matter).</param>
/// <param name="ResolveRelative">Given a relative link or image URL exactly as written (e.g.
/// "../02-tools/01-land-banks.md#land-banks"), returns the URL to render, or null when it points nowhere
/// (the renderer then reports broken-link or missing-image and drops the link).</param>
public sealed record MarkdownRenderContext(
    string CourseSlug,
    string FilePath,
    int FirstLine,
    Func<string, string?> ResolveRelative);

/// <param name="Html">Rendered and sanitised HTML.</param>
/// <param name="Problems">Problems found while rendering (unsafe or broken links, images without alt text,
/// unknown callouts), with lines in the file.</param>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<ContentProblem> Problems)
{
    /// <summary>Every link and image met, in document order, so callers can check targets further
    /// (the compiler checks that images are PNG/JPEG/WebP/GIF files under assets/).</summary>
    public IReadOnlyList<MarkdownReference> References { get; init; } = [];
}

/// <param name="Url">The URL as written (entities and escapes decoded).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="RenderedUrl">The URL that was rendered, or null when the link or image was dropped.</param>
public sealed record MarkdownReference(string Url, bool IsImage, LinkKind Kind, int Line, string? RenderedUrl);
