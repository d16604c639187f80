using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests;

/// <summary>The app on a real Kestrel port and Debian's Chromium driven by Playwright (its own browser download cannot work here).</summary>
public sealed class BrowserFixture : AppFixture
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
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
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
