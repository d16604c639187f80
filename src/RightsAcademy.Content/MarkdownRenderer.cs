using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RightsAcademy.Content;

/// <summary>The one Markdown pipeline of RightsAcademy: course import and the web app's previews both render
/// through it, so what a trainer previews is what learners get. Thread-safe; create once and share.</summary>
public sealed class MarkdownRenderer
{
    /// <summary>The callout kinds trainers may use (":::note"). Labels are left to the web's CSS and
    /// resources, because label text must be localisable.</summary>
    public static IReadOnlyList<string> CalloutKinds { get; } = ["note", "tip", "warning", "example"];

    // Markdig pipelines are immutable and thread-safe once built; building is the expensive part, so each
    // renderer builds one and callers keep one renderer (the compiler holds one; the web app registers one).
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseFigures()
        .UseCustomContainers()
        .Use<NoInlineCustomContainersExtension>()
        // Only ~~strikethrough~~: single-tilde subscript would turn "~5 to ~10 people" into markup.
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .Build();

    public MarkdownRenderer()
    {
    }

    /// <summary>Renders a Markdown body to sanitised HTML.</summary>
    public RenderedMarkdown Render(string markdown, MarkdownRenderContext context) => Render(markdown, context, null);

    /// <summary>Renders inline Markdown (emphasis, links, code) without a surrounding paragraph, for quiz
    /// questions, options and feedback. Block syntax is flattened to its text.</summary>
    public string RenderInline(string markdown, MarkdownRenderContext context) => RenderInlineWithProblems(markdown, context).Html;

    internal RenderedMarkdown RenderInlineWithProblems(string markdown, MarkdownRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<ContentProblem>();
        var references = new List<MarkdownReference>();
        var document = Parse(markdown, context, problems);
        if (document is null)
            return new RenderedMarkdown("", problems);
        Rewrite(document, context, problems, references, null);

        using var writer = new StringWriter();
        var renderer = CreateRenderer(writer);
        var first = true;
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null)
                continue;
            if (!first)
                writer.Write(' ');
            renderer.WriteLeafInline(leaf);
            first = false;
        }
        writer.Flush();
        return new RenderedMarkdown(HtmlSafety.Sanitize(writer.ToString().Trim()), problems) { References = references };
    }

    /// <summary>Renders a body; when <paramref name="quizBlocks"/> is given, fenced ```quiz blocks are taken
    /// out of the document into it instead of being rendered as code.</summary>
    internal RenderedMarkdown Render(string markdown, MarkdownRenderContext context, List<QuizBlockSource>? quizBlocks)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new List<ContentProblem>();
        var references = new List<MarkdownReference>();
        var document = Parse(markdown, context, problems);
        if (document is null)
            return new RenderedMarkdown("", problems);
        Rewrite(document, context, problems, references, quizBlocks);

        using var writer = new StringWriter();
        var renderer = CreateRenderer(writer);
        renderer.Render(document);
        writer.Flush();
        return new RenderedMarkdown(HtmlSafety.Sanitize(writer.ToString()), problems) { References = references };
    }

    private MarkdownDocument? Parse(string markdown, MarkdownRenderContext context, List<ContentProblem> problems)
    {
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting (thousands of '>' or list markers) rather than overflowing
            // the stack; report it instead of failing the whole import.
            problems.Add(Error(context, 0, ProblemCodes.MarkdownTooDeep,
                "the Markdown is nested too deeply to render (hundreds of quote or list levels)"));
            return null;
        }
    }

    private HtmlRenderer CreateRenderer(TextWriter writer)
    {
        // Renderers hold per-call state, so each call gets its own; the pipeline sets up the extensions.
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new CalloutRenderer());
        return renderer;
    }

    private static void Rewrite(MarkdownDocument document, MarkdownRenderContext context, List<ContentProblem> problems,
        List<MarkdownReference> references, List<QuizBlockSource>? quizBlocks)
    {
        // Materialise first: the loop removes and replaces nodes.
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case FencedCodeBlock fence when quizBlocks is not null && QuizBlockSource.IsQuizInfo(fence.Info):
                    quizBlocks.Add(new QuizBlockSource(fence.Lines.ToString(), context.FirstLine + fence.Line + 1,
                        context.FirstLine + fence.Line));
                    fence.Parent?.Remove(fence);
                    break;
                case CustomContainer container:
                    CheckCallout(container, context, problems);
                    break;
                case LinkInline link:
                    RewriteLink(link, context, problems, references);
                    break;
                case AutolinkInline autolink:
                    RewriteAutolink(autolink, context, problems, references);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckCallout(CustomContainer container, MarkdownRenderContext context, List<ContentProblem> problems)
    {
        var kind = container.Info ?? "";
        if (!CalloutKinds.Contains(kind, StringComparer.Ordinal))
        {
            problems.Add(Error(context, container.Line, ProblemCodes.UnknownCallout, kind.Length == 0
                ? "a callout needs a kind after ':::': note, tip, warning or example"
                : $"unknown callout kind '{Shorten(kind)}': use note, tip, warning or example"));
        }
    }

    private static void RewriteLink(LinkInline link, MarkdownRenderContext context, List<ContentProblem> problems,
        List<MarkdownReference> references)
    {
        var url = link.Url ?? "";
        var kind = LinkClassifier.Classify(url);
        var what = link.IsImage ? "image" : "link";
        string? rendered = null;

        if (link.IsImage && AltText(link).Trim().Length == 0)
        {
            problems.Add(Error(context, link.Line, ProblemCodes.ImageWithoutAlt,
                $"image '{Shorten(url)}' has no alt text: describe it between the brackets, ![like this]({Shorten(url)})"));
        }

        switch (kind)
        {
            case LinkKind.Anchor:
                rendered = url;
                break;
            case LinkKind.External when link.IsImage:
                problems.Add(Error(context, link.Line, ProblemCodes.ImageOutsideAssets,
                    $"image '{Shorten(url)}' is not in the course: put the file in assets/ and link it by relative path"));
                break;
            case LinkKind.External:
                rendered = url;
                break;
            case LinkKind.Relative:
                rendered = context.ResolveRelative(url);
                if (rendered is null)
                {
                    problems.Add(link.IsImage
                        ? Error(context, link.Line, ProblemCodes.MissingImage, $"image '{Shorten(url)}' points to no file in this course")
                        : Error(context, link.Line, ProblemCodes.BrokenLink, $"link '{Shorten(url)}' points to no file in this course"));
                }
                break;
            case LinkKind.SiteAbsolute:
                problems.Add(Error(context, link.Line, ProblemCodes.AbsoluteLink,
                    $"{what} '{Shorten(url)}' starts with '/': link to files of this course by relative path, e.g. ../02-tools/01-land-banks.md"));
                break;
            case LinkKind.Empty:
                problems.Add(Error(context, link.Line, link.IsImage ? ProblemCodes.MissingImage : ProblemCodes.BrokenLink,
                    $"{what} has no target between the parentheses"));
                break;
            default:
                problems.Add(Error(context, link.Line, ProblemCodes.UnsafeLink,
                    $"{what} '{Shorten(url)}' is not allowed: only http, https and mailto links and relative paths to course files"));
                break;
        }

        references.Add(new MarkdownReference(url, link.IsImage, kind, context.FirstLine + link.Line, rendered));
        if (rendered is not null)
        {
            link.Url = rendered;
            return;
        }

        // Drop the target but keep what the reader should see: a link's text, an image's alt text.
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(AltText(link)), copyChildren: false);
        }
        else
        {
            link.MoveChildrenAfter(link);
            link.Remove();
        }
    }

    private static void RewriteAutolink(AutolinkInline autolink, MarkdownRenderContext context, List<ContentProblem> problems,
        List<MarkdownReference> references)
    {
        var url = autolink.Url ?? "";
        var kind = autolink.IsEmail ? LinkKind.External : LinkClassifier.Classify(url);
        var allowed = kind == LinkKind.External;
        references.Add(new MarkdownReference(url, false, kind, context.FirstLine + autolink.Line, allowed ? url : null));
        if (allowed)
            return;
        problems.Add(Error(context, autolink.Line, ProblemCodes.UnsafeLink,
            $"link '{Shorten(url)}' is not allowed: only http, https and mailto links and relative paths to course files"));
        autolink.ReplaceBy(new LiteralInline(url), copyChildren: false);
    }

    private static string AltText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                default: break;
            }
        }
        return text.ToString();
    }

    private static ContentProblem Error(MarkdownRenderContext context, int markdigLine, string code, string message) =>
        new(context.FilePath, context.FirstLine + markdigLine, ProblemSeverity.Error, code, message);

    internal static string Shorten(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 97), "...");

    /// <summary>Renders ":::note" as &lt;aside class="callout callout-note"&gt;: an aside is what a callout is,
    /// and the class lets the web's CSS add a localised label.</summary>
    private sealed class CalloutRenderer : HtmlObjectRenderer<CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer obj)
        {
            var kind = obj.Info ?? "";
            renderer.EnsureLine();
            renderer.Write(CalloutKinds.Contains(kind, StringComparer.Ordinal)
                ? $"<aside class=\"callout callout-{kind}\">"
                : "<aside class=\"callout\">");
            renderer.WriteLine();
            renderer.WriteChildren(obj);
            renderer.WriteLine("</aside>");
        }
    }

    /// <summary>The custom-containers extension also turns "::text::" into a span; trainers were promised
    /// standard Markdown plus the listed features, so "::" stays plain text.</summary>
    private sealed class NoInlineCustomContainersExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
            var emphasis = pipeline.InlineParsers.Find<EmphasisInlineParser>();
            emphasis?.EmphasisDescriptors.RemoveAll(d => d.Character == ':');
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
        }
    }
}

/// <summary>A ```quiz fenced block taken out of a quiz file: its YAML and where it sits.</summary>
/// <param name="FirstLine">1-based file line of the first YAML line (the line after the fence).</param>
/// <param name="FenceLine">1-based file line of the opening fence.</param>
internal sealed record QuizBlockSource(string Yaml, int FirstLine, int FenceLine)
{
    public static bool IsQuizInfo(string? info) => string.Equals(info?.Trim(), "quiz", StringComparison.OrdinalIgnoreCase);
}
