using System.Net;
using System.Text.Json;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Health;

public sealed class HealthTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Healthz_is_public_and_reports_database_and_job_storage()
    {
        using var client = app.Factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("jobs").GetString());
    }
}
