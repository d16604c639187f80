using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Infrastructure.Startup;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>
/// Staff on slow connections and old phones: a lesson page of the real course transfers at most 30 KB
/// compressed (HTML, CSS, JavaScript; images excluded), the catalogue at most 40 KB.
/// </summary>
public sealed class PageWeightTests(ShippedContentFixture app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ShippedContentFixture>
{
    private const int LessonBudget = 30 * 1024;
    private const int CatalogueBudget = 40 * 1024;

    [Fact]
    public async Task The_catalogue_stays_within_40_KB()
    {
        var page = await app.NewPageAsync();

        var bytes = await TransferredBytesAsync(page, "/courses");

        output.WriteLine($"catalogue: {bytes} bytes");
        Assert.True(bytes <= CatalogueBudget, $"the catalogue transferred {bytes} bytes");
    }

    [Fact]
    public async Task The_longest_lesson_of_the_shipped_courses_stays_within_30_KB()
    {
        await app.Factory.CreateUserAsync("weight@example.org", Roles.Learner, app.Municipality.Id);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync("weight@example.org");
        await page.Locator("#Password").FillAsync(RightsAcademyFactory.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        var lesson = await app.LongestLessonUrlAsync();
        var course = lesson.Split('/')[2];
        await page.GotoAsync($"/courses/{course}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();

        var bytes = await TransferredBytesAsync(page, lesson);

        output.WriteLine($"{lesson}: {bytes} bytes");
        Assert.True(bytes <= LessonBudget, $"{lesson} transferred {bytes} bytes");
    }

    /// <summary>Bytes on the wire (compressed bodies plus headers) for everything but images, on a cold cache.</summary>
    private static async Task<long> TransferredBytesAsync(IPage page, string url)
    {
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });

        var main = await page.GotoAsync(url);
        Assert.Equal(200, main!.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long total = 0;
        foreach (var response in responses.Where(r => r.Request.ResourceType is not "image" and not "font"))
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            if (response.Request.ResourceType is "document" or "stylesheet")
            {
                Assert.True(response.Headers.ContainsKey("content-encoding"), $"{response.Url} was not compressed");
            }

            if (response.Request.ResourceType is "stylesheet")
            {
                Assert.Contains("max-age=31536000", response.Headers["cache-control"], StringComparison.Ordinal);
            }
        }

        return total;
    }
}

/// <summary>The real courses from content/, imported as infra/run does.</summary>
public sealed class ShippedContentFixture : AppFixture
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool UseKestrel => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var content = Path.Combine(RepositoryRoot(), "content");
        var (courses, problems) = ContentCommands.Compile(content);
        Assert.DoesNotContain(problems, p => p.Problem.Severity == ProblemSeverity.Error);
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
        await importer.ImportAsync(courses, problems, archiveMissingCourses: false);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions());
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

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Factory.ServerAddress.ToString() });
        return await context.NewPageAsync();
    }

    /// <summary>The worst case: the lesson with the most rendered HTML.</summary>
    public async Task<string> LongestLessonUrlAsync()
    {
        await using var db = Factory.Database.CreateDbContext();
        var longest = await db.LessonTexts.AsNoTracking()
            .OrderByDescending(t => t.Html.Length)
            .Select(t => t.LessonId)
            .FirstAsync();
        var lesson = await db.Lessons.Where(l => l.Id == longest)
            .Select(l => new { Course = l.Course!.Slug, Module = l.Module!.Slug, l.Slug }).SingleAsync();
        return $"/courses/{lesson.Course}/{lesson.Module}/{lesson.Slug}";
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RightsAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RightsAcademy.sln not found.");
    }
}
