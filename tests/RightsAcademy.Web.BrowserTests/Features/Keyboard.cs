using Microsoft.Playwright;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>Moves through a page with the Tab key only, as a keyboard or switch user does.</summary>
internal static class Keyboard
{
    private const string FocusedText = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return '';
          const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
          return (label || e.innerText || e.value || '').trim();
        }
        """;

    private const string FocusIsVisible = """
        () => {
          const s = getComputedStyle(document.activeElement);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
        }
        """;

    /// <summary>Presses Enter on the focused link or button and waits for the page it leads to.</summary>
    public static async Task PressEnterAndWaitAsync(IPage page)
    {
        // A form post may redirect back to the very same URL (enrolling): mark the current document and wait
        // until a new one has replaced it, rather than trusting the address bar.
        await page.EvaluateAsync("() => { window.__beforeEnter = true; }");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => window.__beforeEnter === undefined && document.readyState !== 'loading'");
    }

    /// <summary>Presses Tab until the focused element's text or label starts with <paramref name="text"/>; its focus must be visible.</summary>
    public static async Task TabToAsync(IPage page, string text, int maxPresses = 80)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(FocusedText);
            if (focused.StartsWith(text, StringComparison.Ordinal))
            {
                Assert.True(await page.EvaluateAsync<bool>(FocusIsVisible), $"focus on '{text}' is not visible");
                return;
            }
        }

        Assert.Fail($"'{text}' cannot be reached with the Tab key on {page.Url}");
    }
}
