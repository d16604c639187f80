using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Default";

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var connectionString = ReadConnectionString(builder.Configuration);
        builder.Services.AddSingleton(new DatabaseConnection(connectionString));
        builder.Services.AddDbContext<AppDbContext>(options => UsePostgres(options, connectionString));
        builder.Services.AddSingleton<DatabaseReachability>();
        // Keys in PostgreSQL: every app node reads the same ones, so sign-in cookies and antiforgery tokens
        // survive restarts and load balancing.
        builder.Services.AddDataProtection()
            .SetApplicationName("RightsAcademy")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>The one place that says how the app talks to PostgreSQL; tests and tools use it too.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));

    private static string ReadConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupException(
                "Setting ConnectionStrings:Default (environment variable ConnectionStrings__Default) is missing. " +
                "Run infra/run to start a local database, or set it to a PostgreSQL connection string.");
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.Database))
            {
                throw new StartupException("Setting ConnectionStrings:Default must name a Host and a Database.");
            }
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Setting ConnectionStrings:Default is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        return value;
    }
}

/// <summary>The validated connection string, for code that talks to PostgreSQL without EF (Hangfire, checks).</summary>
public sealed record DatabaseConnection(string ConnectionString)
{
    public NpgsqlConnectionStringBuilder Describe() => new(ConnectionString);
}
