using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RightsAcademy.Web.Infrastructure.Diagnostics;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>The benchmark's measuring aids: absent unless configured, and truthful when they are.</summary>
public sealed class DiagnosticsOffTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task By_default_no_count_header_is_sent_and_no_static_baseline_is_served()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var catalogue = await client.GetAsync(new Uri("/courses", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        Assert.False(catalogue.Headers.Contains("X-Sql-Commands"));

        using var baseline = await client.GetAsync(new Uri($"{DiagnosticsOptions.StaticBaselinePath}/lesson.html", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, baseline.StatusCode);
    }
}

public sealed class DiagnosticsOnTests(DiagnosticsOnTests.Fixture app) : IClassFixture<DiagnosticsOnTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("ra-baseline-").FullName;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Diagnostics:CountSqlCommands"] = "true",
            ["Diagnostics:StaticBaselineFolder"] = Folder,
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }

    [Fact]
    public async Task Each_response_says_how_many_SQL_commands_its_request_ran()
    {
        using var client = app.Factory.CreateClient();
        await client.GetAsync(new Uri("/courses", UriKind.Relative));
        // The catalogue reads every course with its texts in one query.
        using var catalogue = await client.GetAsync(new Uri("/courses", UriKind.Relative));
        Assert.Equal("1", Assert.Single(catalogue.Headers.GetValues("X-Sql-Commands")));

        // A page that asks nothing of the database says so.
        using var signIn = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Equal("0", Assert.Single(signIn.Headers.GetValues("X-Sql-Commands")));
    }

    [Fact]
    public async Task The_static_baseline_folder_is_served_by_the_same_process_without_signing_in()
    {
        await File.WriteAllTextAsync(Path.Combine(app.Folder, "lesson.html"), "<!DOCTYPE html><title>saved</title>");
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"{DiagnosticsOptions.StaticBaselinePath}/lesson.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
