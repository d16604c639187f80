using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RightsAcademy.Web.BrowserTests.Features;

internal static class Axe
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var violations = results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", violations));
    }
}
