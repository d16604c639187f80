using System.Net;
using Npgsql;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Health;

public sealed class HealthWhenDatabaseIsGoneTests
{
    [Fact]
    public async Task Healthz_answers_503_when_the_database_disappears()
    {
        var database = await TestDatabase.CreateAsync();
        await using var factory = new RightsAcademyFactory(database);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        await database.DisposeAsync(); // drops the database under the running app
        NpgsqlConnection.ClearAllPools();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
