using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Testing;

/// <summary>
/// A fresh database on the cluster started by infra/test, built from the committed migrations (never
/// EnsureCreated), dropped at the end. One per test class keeps classes independent and parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "RA_TEST_DB";

    private readonly string _server;

    private TestDatabase(string name, string connectionString, string server)
    {
        Name = name;
        ConnectionString = connectionString;
        _server = server;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with infra/test, which starts a throwaway PostgreSQL cluster.");

    /// <param name="migrate">Apply the committed migrations.</param>
    /// <param name="server">Another server than infra/test's (a test that stops its own cluster).</param>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? server = null)
    {
        server ??= ServerConnectionString;
        var name = $"ra_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new TestDatabase(name, connectionString, server);
        if (migrate)
        {
            await using var db = database.CreateDbContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.UsePostgres(options, ConnectionString);
        return new AppDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
