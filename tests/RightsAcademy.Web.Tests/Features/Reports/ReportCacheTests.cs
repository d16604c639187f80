using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Reports;

/// <summary>
/// The report's figures are computed once per view and kept for <c>Reports:FiguresCacheSeconds</c>: served as they
/// were until the time has passed (on the app's clock), said so on the page, forgotten when a target is saved, and
/// never shared between scopes. Each test runs its own node of the site (its own cache) with a clock it moves.
/// </summary>
public sealed class ReportCacheTests(ReportFixture app) : IClassFixture<ReportFixture>
{
    private const int CacheSeconds = 60;

    [Fact]
    public async Task Figures_are_served_as_computed_until_the_cache_time_has_passed()
    {
        var (site, clock) = Node();
        using var _ = site;
        using var client = await SignedInAsync(site, "coord-big@example.org");
        var computed = clock.Now;
        var before = Completed(await ReportFiguresTests.CsvAsync(client, "/reports/municipalities.csv"));
        var firstPage = await client.GetPageAsync("/reports");
        Assert.Contains($"Figures as of {ParisTime(computed)}.", Text(firstPage), StringComparison.Ordinal);

        // A course completed after the first view: someone enrolled in Reportville who had not completed.
        var person = app.People.First(p => p.Municipality == ReportFixture.Big && p.EnrolledAgo is not null && !p.Completed);
        await SetCompletedAsync(person.Id, clock.Now.AddHours(-1));
        try
        {
            // Within the cache time: the same figures, and the page still says when they were computed (not "now",
            // which is a minute later on the clock).
            clock.Now = computed.AddSeconds(CacheSeconds - 1);
            Assert.Equal(before, Completed(await ReportFiguresTests.CsvAsync(client, "/reports/municipalities.csv")));
            Assert.Contains($"Figures as of {ParisTime(computed)}.", Text(await client.GetPageAsync("/reports")), StringComparison.Ordinal);
            Assert.NotEqual(ParisTime(computed), ParisTime(clock.Now));

            // Once it has passed: computed again, with the completion, and the page says so.
            clock.Now = computed.AddSeconds(CacheSeconds + 1);
            Assert.Equal(before + 1, Completed(await ReportFiguresTests.CsvAsync(client, "/reports/municipalities.csv")));
            Assert.Contains($"Figures as of {ParisTime(clock.Now)}.", Text(await client.GetPageAsync("/reports")), StringComparison.Ordinal);
        }
        finally
        {
            await SetCompletedAsync(person.Id, null);
        }
    }

    [Fact]
    public async Task The_as_of_line_is_in_the_viewers_time_zone_and_language()
    {
        const string email = "coord-big-fr@example.org";
        const string zone = "America/New_York";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Data.AppDbContext>().Users.AnyAsync(u => u.Email == email))
            {
                await app.Factory.CreateUserAsync(email, Roles.Coordinator, app.BigCity.Id, language: "fr", timeZone: zone);
            }
        }

        var (site, clock) = Node();
        using var _ = site;
        using var client = await SignedInAsync(site, email);
        var page = Text(await client.GetPageAsync("/reports"));

        var local = TimeZoneInfo.ConvertTime(clock.Now, TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Contains($"Chiffres au {local.ToString("g", CultureInfo.GetCultureInfo("fr"))} ({zone}).", page, StringComparison.Ordinal);
        Assert.Contains($"{CacheSeconds} secondes", page, StringComparison.Ordinal);
        // Not the server's zone or the English line: New York is never Paris's hour.
        Assert.DoesNotContain("Figures as of", page, StringComparison.Ordinal);
        Assert.NotEqual(ParisTime(clock.Now), local.ToString("g", CultureInfo.GetCultureInfo("en")) + " (Europe/Paris)");
    }

    [Fact]
    public async Task Saving_a_department_target_shows_the_new_target_at_once()
    {
        var (site, _) = Node();
        using var node = site;
        using var client = await SignedInAsync(site, "coord-big@example.org");
        const string department = "Parks";
        const int target = 37;
        var before = ReportFiguresTests.Row(await ReportFiguresTests.CsvAsync(client, "/reports/departments.csv"), department);
        Assert.NotEqual(target.ToString(CultureInfo.InvariantCulture), before[1]);
        Assert.DoesNotContain(TargetCell(department, target), Squeezed(await client.GetPageAsync("/reports")), StringComparison.Ordinal);

        var saved = await client.PostFormAsync("/reports", "/reports/targets",
            ("municipality", app.BigCity.Id.ToString()), ("Target.Department", department), ("Target.Headcount", target.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Well within the cache time: the saved target, on the page the coordinator is sent back to and in the CSV.
        var page = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains(TargetCell(department, target), Squeezed(page), StringComparison.Ordinal);
        var after = ReportFiguresTests.Row(await ReportFiguresTests.CsvAsync(client, "/reports/departments.csv"), department);
        Assert.Equal(target.ToString(CultureInfo.InvariantCulture), after[1]);
    }

    [Fact]
    public async Task A_coordinator_never_gets_another_municipalitys_cached_figures()
    {
        var (site, _) = Node();
        using var node = site;
        using var big = await SignedInAsync(site, "coord-big@example.org");
        using var small = await SignedInAsync(site, "coord-small@example.org");

        // Reportville's views are computed and kept first, the same filters as Smallville's below.
        var bigRows = await ReportFiguresTests.CsvAsync(big, "/reports/municipalities.csv");
        Assert.Equal(ReportFixture.Big, Assert.Single(bigRows.Skip(1))[0]);
        Assert.Contains(ReportFixture.Big, await big.GetPageAsync("/reports"), StringComparison.Ordinal);
        await ReportFiguresTests.CsvAsync(big, "/reports/departments.csv");

        var rows = await ReportFiguresTests.CsvAsync(small, "/reports/municipalities.csv");
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(ReportFixture.Small, row[0]);
        Assert.Equal((await StaffAsync(app.SmallCity.Id)).ToString(CultureInfo.InvariantCulture), row[1]);
        var departments = await ReportFiguresTests.CsvAsync(small, "/reports/departments.csv");
        Assert.DoesNotContain(departments, r => r[0] == "Parks"); // a department of Reportville only
        var page = await small.GetPageAsync("/reports");
        Assert.Contains(ReportFixture.Small, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportFixture.Big, page, StringComparison.Ordinal);

        // And the other way round, with Smallville's views now kept too.
        var again = Assert.Single((await ReportFiguresTests.CsvAsync(big, "/reports/municipalities.csv")).Skip(1));
        Assert.Equal(ReportFixture.Big, again[0]);
        Assert.Equal((await StaffAsync(app.BigCity.Id)).ToString(CultureInfo.InvariantCulture), again[1]);

        // A filter is part of what is kept: the Parks department is not the whole municipality.
        var parks = Assert.Single((await ReportFiguresTests.CsvAsync(big, "/reports/municipalities.csv?department=Parks")).Skip(1));
        Assert.Equal(app.People.Count(p => p.Municipality == ReportFixture.Big && p.Department == "Parks").ToString(CultureInfo.InvariantCulture), parks[1]);
    }

    [Fact]
    public async Task Requests_that_arrive_together_on_an_empty_cache_compute_the_figures_once()
    {
        var (site, _) = Node(("Diagnostics:CountSqlCommands", "true"));
        using var node = site;
        using var client = await SignedInAsync(site, "coord-big@example.org");

        // A coordinator's own municipality needs no statement to resolve: a CSV served from the cache runs none, the
        // request that computes the figures runs all of them.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("/reports/courses.csv")));
        var commands = responses.Select(r => int.Parse(r.Headers.GetValues("X-Sql-Commands").Single(), CultureInfo.InvariantCulture)).ToList();
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(commands, n => n > 0);
        Assert.True(commands.Max() >= 6, $"the computing request ran {commands.Max()} statements");
    }

    /// <summary>A node of the site on the fixture's database, with its own cache and a clock the test moves.</summary>
    private (WebApplicationFactory<Program> Site, ManualClock Clock) Node(params (string Key, string Value)[] settings)
    {
        // Half past a minute, near the real time (sign-in cookies stay valid): a minute later reads differently.
        var now = DateTimeOffset.UtcNow;
        var clock = new ManualClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 30, TimeSpan.Zero).AddMinutes(-1));
        var site = app.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Reports:FiguresCacheSeconds", CacheSeconds.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        return (site, clock);
    }

    private static async Task<FormClient> SignedInAsync(WebApplicationFactory<Program> site, string email)
    {
        var client = new FormClient(site.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("http://localhost"),
        }));
        await client.SignInAsync(email);
        return client;
    }

    private async Task SetCompletedAsync(Guid userId, DateTimeOffset? completedUtc)
    {
        await using var db = app.Factory.Database.CreateDbContext();
        var enrolment = await db.Enrolments.SingleAsync(e => e.UserId == userId);
        enrolment.CompletedUtc = completedUtc;
        await db.SaveChangesAsync();
    }

    private async Task<int> StaffAsync(Guid municipalityId)
    {
        await using var db = app.Factory.Database.CreateDbContext();
        return await db.Users.CountAsync(u => u.MunicipalityId == municipalityId && u.DeletedUtc == null);
    }

    private static int Completed(List<List<string>> rows) =>
        int.Parse(ReportFiguresTests.Row(rows, ReportFixture.Big)[5], CultureInfo.InvariantCulture);

    private static string ParisTime(DateTimeOffset utc) =>
        $"{TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("g", CultureInfo.GetCultureInfo("en"))} (Europe/Paris)";

    /// <summary>The first cells of a department's coverage row: its name, then its target.</summary>
    private static string TargetCell(string department, int target) =>
        $"<th scope=\"row\">{department}</th><td class=\"num\">{target.ToString(CultureInfo.InvariantCulture)}</td>";

    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");

    /// <summary>The page's text as a reader gets it (entities decoded, such as the narrow space before PM).</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html);
}
