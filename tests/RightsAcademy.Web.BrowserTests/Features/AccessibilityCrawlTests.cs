using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>
/// WCAG 2.2 AA as far as axe can tell, on every page each role can reach by following links from its
/// dashboard, in English and in Arabic (right to left).
/// </summary>
public sealed class AccessibilityCrawlTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const int MaxPages = 60;

    // Hangfire's dashboard is a third-party UI outside our control; signing out ends the crawl; the report's CSV
    // files (/reports/{table}.csv) and the personal data export are downloads, not pages (/reports itself is crawled).
    private static readonly string[] NotCrawled = ["/admin/jobs", "/account/sign-out", "/courses/sample-course/assets/", "/reports/", "/account/data/export"];

    [Theory]
    [InlineData(Roles.Learner, "en")]
    [InlineData(Roles.Learner, "ar")]
    [InlineData(Roles.Trainer, "en")]
    [InlineData(Roles.Trainer, "ar")]
    [InlineData(Roles.Coordinator, "en")]
    [InlineData(Roles.Coordinator, "ar")]
    [InlineData(Roles.Admin, "en")]
    [InlineData(Roles.Admin, "ar")]
    public async Task Every_page_a_role_reaches_has_no_axe_violations(string role, string language)
    {
        var email = $"crawl-{role.ToLowerInvariant()}-{language}@example.org";
        await app.Factory.CreateUserAsync(email, role, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(email, language);
        if (role == Roles.Learner)
        {
            await page.GotoAsync($"/courses/{SampleCourse.Slug}");
            await page.Locator("form[action$='/enrol'] button").ClickAsync();
        }

        var visited = new List<string>();
        var queue = new Queue<string>(["/dashboard"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status} for a {role}");
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            await Axe.AssertNoViolationsAsync(page);
            visited.Add(path);

            foreach (var link in await LinksAsync(page))
            {
                if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.Contains("/account/profile", visited);
        Assert.True(visited.Count >= 5, $"the crawl reached only {string.Join(", ", visited)}");
    }

    /// <summary>Same-site links as paths (query kept, fragment dropped), minus the ones not to crawl.</summary>
    private async Task<IEnumerable<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        return hrefs
            .Select(href => new Uri(href))
            .Where(uri => uri.Authority == app.BaseAddress.Authority)
            .Select(uri => uri.PathAndQuery)
            .Where(path => !NotCrawled.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal);
    }
}
