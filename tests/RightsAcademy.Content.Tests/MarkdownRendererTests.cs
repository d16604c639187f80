namespace RightsAcademy.Content.Tests;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly MarkdownRenderContext Context =
        new("c", "c/01-m/01-l.md", 5, url => url == "02-next.md" ? "/c/m/next" : null);

    private static string Html(string markdown) => Renderer.Render(markdown, Context).Html;

    [Theory]
    [InlineData("note")]
    [InlineData("tip")]
    [InlineData("warning")]
    [InlineData("example")]
    public void Callouts_render_as_asides_with_a_class_per_kind(string kind)
    {
        var rendered = Renderer.Render($":::{kind}\nSomething *worth* knowing.\n:::", Context);

        Assert.Empty(rendered.Problems);
        Assert.Equal($"<aside class=\"callout callout-{kind}\">\n<p>Something <em>worth</em> knowing.</p>\n</aside>\n", rendered.Html);
    }

    [Fact]
    public void An_unknown_callout_kind_is_reported_and_rendered_without_a_kind()
    {
        var rendered = Renderer.Render("Text.\n\n:::danger\nCareful.\n:::", Context);

        var problem = Assert.Single(rendered.Problems);
        Assert.Equal(ProblemCodes.UnknownCallout, problem.Code);
        Assert.Equal(7, problem.Line);
        Assert.Equal("c/01-m/01-l.md", problem.Path);
        Assert.Equal("unknown callout kind 'danger': use note, tip, warning or example", problem.Message);
        Assert.Equal("<p>Text.</p>\n<aside class=\"callout\">\n<p>Careful.</p>\n</aside>\n", rendered.Html);
    }

    [Fact]
    public void A_callout_without_a_kind_is_reported()
    {
        var rendered = Renderer.Render(":::\nText.\n:::", Context);

        Assert.Equal(ProblemCodes.UnknownCallout, Assert.Single(rendered.Problems).Code);
    }

    [Fact]
    public void Figures_render_with_their_caption()
    {
        var context = Context with { ResolveRelative = url => url == "../assets/forum.jpg" ? "/files/forum.jpg" : null };

        var rendered = Renderer.Render("^^^\n![Participants at the forum](../assets/forum.jpg)\n^^^ The forum, held *every* year.", context);

        Assert.Empty(rendered.Problems);
        Assert.Equal(
            "<figure>\n<p><img src=\"/files/forum.jpg\" alt=\"Participants at the forum\"></p>\n<figcaption>The forum, held <em>every</em> year.</figcaption>\n</figure>\n",
            rendered.Html);
    }

    [Fact]
    public void Footnotes_render_with_linked_references_and_back_links()
    {
        var html = Html("A claim[^1].\n\n[^1]: The source.");

        Assert.Equal(
            "<p>A claim<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>.</p>\n" +
            "<div class=\"footnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>The source.<a href=\"#fnref:1\" class=\"footnote-back-ref\">↩</a></p>\n</li>\n</ol>\n</div>\n",
            html);
    }

    [Fact]
    public void Pipe_tables_render_with_column_alignment()
    {
        var html = Html("| City | Year |\n| --- | ---: |\n| Gwangju | 2011 |");

        Assert.Equal(
            "<table>\n<thead>\n<tr>\n<th>City</th>\n<th style=\"text-align: right\">Year</th>\n</tr>\n</thead>\n" +
            "<tbody>\n<tr>\n<td>Gwangju</td>\n<td style=\"text-align: right\">2011</td>\n</tr>\n</tbody>\n</table>\n",
            html);
    }

    [Fact]
    public void Headings_get_github_style_ids()
    {
        var html = Html("## Land banks\n\n## Land banks\n\n### What's next?");

        Assert.Equal(
            "<h2 id=\"land-banks\">Land banks</h2>\n<h2 id=\"land-banks-1\">Land banks</h2>\n<h3 id=\"whats-next\">What's next?</h3>\n",
            html);
    }

    [Fact]
    public void Strikethrough_works_but_single_tildes_and_double_colons_stay_text()
    {
        Assert.Equal("<p><del>old</del> ~5 to ~10 people, a::b::c</p>\n", Html("~~old~~ ~5 to ~10 people, a::b::c"));
    }

    [Fact]
    public void Relative_links_go_through_the_resolver_and_unresolved_ones_become_text()
    {
        var rendered = Renderer.Render("[next](02-next.md) and [gone](03-gone.md)", Context);

        Assert.Equal("<p><a href=\"/c/m/next\">next</a> and gone</p>\n", rendered.Html);
        var problem = Assert.Single(rendered.Problems);
        Assert.Equal((ProblemCodes.BrokenLink, 5), (problem.Code, problem.Line));
        Assert.Equal(
            [("02-next.md", LinkKind.Relative, "/c/m/next"), ("03-gone.md", LinkKind.Relative, null)],
            rendered.References.Select(r => (r.Url, r.Kind, r.RenderedUrl)));
    }

    [Fact]
    public void Inline_rendering_has_no_paragraph_and_flattens_blocks()
    {
        Assert.Equal("A <em>b</em> <code>c</code> <a href=\"/c/m/next\">d</a>", Renderer.RenderInline("A *b* `c` [d](02-next.md)", Context));
        Assert.Equal("Title item", Renderer.RenderInline("# Title\n- item", Context));
    }

    [Fact]
    public void Absurdly_deep_nesting_is_reported_instead_of_crashing()
    {
        var rendered = Renderer.Render(new string('>', 100_000) + " deep", Context);

        Assert.Equal(ProblemCodes.MarkdownTooDeep, Assert.Single(rendered.Problems).Code);
        Assert.Equal("", rendered.Html);
    }

    [Fact]
    public void Code_blocks_keep_their_text_escaped()
    {
        Assert.Equal("<pre><code class=\"language-html\">&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n", Html("```html\n<b>x</b>\n```"));
    }
}
