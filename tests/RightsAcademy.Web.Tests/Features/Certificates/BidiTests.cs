using System.Text;
using HarfBuzzSharp;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>The simplified bidi algorithm on the cases certificates meet: visual order of mixed lines.</summary>
public sealed class BidiTests
{
    [Theory]
    [InlineData("abc def", false, "abc def")]
    [InlineData("نور الهدى", false, "ىدهلا رون")]
    [InlineData("نور 2026", false, "2026 رون")]
    [InlineData("abc نور def", false, "abc رون def")]
    [InlineData("تاريخ: 28/11/2026", true, "28/11/2026 :خيرات")]
    [InlineData("عدد: 6٫5", true, "6٫5 :ددع")]
    [InlineData("Nguyễn ab", true, "Nguyễn ab")]
    public void Characters_come_out_in_reading_order_from_left_to_right(string text, bool rightToLeft, string visual)
    {
        var runes = text.EnumerateRunes().ToArray();
        var scripts = runes.Select(r => UnicodeFunctions.Default.GetScript(r.Value)).ToArray();
        var levels = Bidi.Levels(runes, scripts, rightToLeft);

        // Reordering single characters shows the order; within a right-to-left run HarfBuzz does the same.
        var order = Bidi.VisualOrder(runes.Select((r, i) => (Rune: r, Level: levels[i])).ToList(), x => x.Level);
        var result = new StringBuilder();
        foreach (var (rune, level) in order)
        {
            result.Append(rune.ToString());
        }

        Assert.Equal(visual, result.ToString());
    }
}
