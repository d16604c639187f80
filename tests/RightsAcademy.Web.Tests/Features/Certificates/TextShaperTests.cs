using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>Each script gets the font made for it, and no character falls back to the empty box (glyph 0).</summary>
public sealed class TextShaperTests(CertificateFonts fonts) : IClassFixture<CertificateFonts>
{
    private readonly TextShaper _shaper = new(fonts.Catalogue);

    [Theory]
    [InlineData("نور الهدى عبد الله", "Noto Naskh Arabic")]
    [InlineData("김민준", "Noto Sans CJK KR")]
    [InlineData("अनुष्का शर्मा", "Noto Sans Devanagari")]
    [InlineData("Анна Кузнецова", "Noto Sans")]
    [InlineData("Γιώργος Παπαδόπουλος", "Noto Sans")]
    [InlineData("Nguyễn Thị Hương", "Noto Sans")]
    public void A_name_is_shaped_with_its_scripts_font_and_no_missing_glyph(string name, string font)
    {
        var line = _shaper.Shape(name, bold: true, rightToLeftDocument: false);

        Assert.All(line.Runs, run => Assert.Equal(font + " Bold", run.Face.Name));
        Assert.DoesNotContain((ushort)0, line.Runs.SelectMany(r => r.Glyphs));
        Assert.True(line.Width > 0);
    }

    [Fact]
    public void Mixed_text_is_split_into_runs_of_one_font_in_visual_order()
    {
        var line = _shaper.Shape("김민준 · Anna · نور 2026", bold: false, rightToLeftDocument: false);

        Assert.Equal(["Noto Sans CJK KR", "Noto Sans", "Noto Naskh Arabic"], line.Runs.Select(r => r.Face.Name).Distinct());
        Assert.DoesNotContain((ushort)0, line.Runs.SelectMany(r => r.Glyphs));
        // The Arabic word and the year after it read right to left as a unit: the year is drawn left of the word.
        var texts = line.Runs.Select(r => System.Text.Encoding.UTF8.GetString(r.Text)).ToList();
        Assert.True(texts.FindIndex(t => t.Contains("2026", StringComparison.Ordinal)) < texts.FindIndex(t => t.Contains("نور", StringComparison.Ordinal)));
    }

    [Fact]
    public void Right_to_left_runs_keep_the_cluster_map_back_to_their_text()
    {
        var run = Assert.Single(_shaper.Shape("عبد الله", bold: false, rightToLeftDocument: true).Runs);

        // Glyphs in visual order: clusters run from the end of the text to its start.
        Assert.Equal(0u, run.Clusters[^1]);
        Assert.True(run.Clusters[0] > run.Clusters[^1]);
        Assert.All(run.Clusters, c => Assert.InRange(c, 0u, (uint)run.Text.Length - 1));
    }

    [Fact]
    public void Control_characters_and_embeddings_are_cleaned()
    {
        Assert.Equal("Ana María", TextShaper.Clean("  Ana\t\u202BMari\u0301a\n "));
    }
}
