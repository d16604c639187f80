using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests;

/// <summary>The app on a real Kestrel port and Debian's Chromium driven by Playwright (its own browser download cannot work here).</summary>
public sealed class BrowserFixture : CourseFixture
{
    public const string LearnerEmail = "learner@example.org";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Factory.ServerAddress;

    protected override bool UseKestrel => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Factory.CreateUserAsync(LearnerEmail, Roles.Learner, Municipality.Id, displayName: "Ji-woo Park");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    /// <summary>A page whose browser context is signed in (each context has its own cookies).</summary>
    public async Task<IPage> SignedInPageAsync(string email, string locale = "en-GB")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(RightsAcademyFactory.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        if (Factory.AuthenticatorKeys.TryGetValue(email, out var key))
        {
            await page.WaitForURLAsync("**/account/sign-in/two-factor**");
            await page.Locator("#Code").FillAsync(await Totp.NextCodeAsync(key));
            await page.Locator("main button[type=submit]").ClickAsync();
        }

        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    /// <summary>Debian's Chromium, headless, without the background traffic this closed network refuses.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ChromiumPath(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("RA_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium not found: run the tests with infra/test, which installs Debian's chromium.");
    }
}
