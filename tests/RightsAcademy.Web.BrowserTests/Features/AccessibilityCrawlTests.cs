using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Practices;
using RightsAcademy.Web.Infrastructure.Data;
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

    // Calendar invitations and feeds, CSV tables, certificates and course archives are files, not pages.
    private static readonly string[] Downloads = [".ics", ".csv", ".pdf", ".zip", ".json"];

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
        await SessionAndPracticeAsync();
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
        Assert.Contains(visited, p => p.StartsWith("/sessions/", StringComparison.Ordinal));
        Assert.Contains(visited, p => p.StartsWith("/practices/", StringComparison.Ordinal));
        Assert.True(visited.Count >= 5, $"the crawl reached only {string.Join(", ", visited)}");
    }

    /// <summary>
    /// An upcoming session open to all staff and a past one with its outcomes and a published practice, so the
    /// crawl reaches the session and practice pages from /sessions, /practices and the dashboard, for every role.
    /// </summary>
    private async Task SessionAndPracticeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.ExchangeSessions.AnyAsync())
        {
            return;
        }

        var host = await app.Factory.CreateUserAsync("crawl-host@example.org", Roles.Coordinator, app.Municipality.Id, displayName: "Amina Diallo");
        await app.Factory.CreateSessionAsync(host.Id, [], title: "Housing rights: what worked", openToAllStaff: true, facilitatorIds: [host.Id],
            presentingMunicipalityIds: [app.Municipality.Id]);
        var past = await app.Factory.CreateSessionAsync(host.Id, [], DateTimeOffset.UtcNow.AddDays(-14), title: "Accessible city services",
            openToAllStaff: true, facilitatorIds: [host.Id], presentingMunicipalityIds: [app.Municipality.Id]);
        var now = DateTimeOffset.UtcNow;
        await db.ExchangeSessions.Where(s => s.Id == past.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.OutcomesMarkdown, "We agreed to **share checklists**.")
            .SetProperty(x => x.OutcomesHtml, "<p>We agreed to <strong>share checklists</strong>.</p>")
            .SetProperty(x => x.OutcomesRecordedUtc, now));
        db.Practices.Add(new Practice
        {
            MunicipalityId = app.Municipality.Id, SessionId = past.Id, Title = "Plain-language letters", City = app.Municipality.Name,
            Country = app.Municipality.Country, Theme = "access to services", SummaryMarkdown = "Letters rewritten with residents.",
            SummaryHtml = "<p>Letters rewritten with residents.</p>", WhatWorkedMarkdown = "- Reading groups", WhatWorkedHtml = "<ul>\n<li>Reading groups</li>\n</ul>",
            Contact = "Citizen services office", PublishedById = host.Id, PublishedUtc = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Same-site links as paths (query kept, fragment dropped), minus the ones not to crawl.</summary>
    private async Task<IEnumerable<string>> LinksAsync(IPage page)
    {
        var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        return hrefs
            .Select(href => new Uri(href))
            .Where(uri => uri.Authority == app.BaseAddress.Authority)
            .Where(uri => !Downloads.Any(extension => uri.AbsolutePath.EndsWith(extension, StringComparison.Ordinal)))
            .Select(uri => uri.PathAndQuery)
            .Where(path => !NotCrawled.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal);
    }
}
