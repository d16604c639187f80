using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Default";

    /// <summary>
    /// Npgsql waits 15 s for a connection by default: with the database gone behind a silent network, every request
    /// would hang that long before its 503. A healthy PostgreSQL accepts within milliseconds; a connection string that
    /// states its own Timeout keeps it.
    /// </summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var connectionString = ReadConnectionString(builder.Configuration);
        builder.Services.AddSingleton(new DatabaseConnection(connectionString));
        // Real time, not the app's TimeProvider: tests freeze that one to move business dates, not to stop timeouts.
        builder.Services.AddSingleton(services => new DatabaseCircuit(TimeProvider.System, services.GetRequiredService<ILogger<DatabaseCircuit>>()));
        builder.Services.AddSingleton<DatabaseCircuitInterceptor>();
        // Pooled: the options are built once, and a context is reset and reused instead of being built with its
        // internal services for every request, which cost a fifth of a signed-in page's CPU when measured.
        builder.Services.AddDbContextPool<AppDbContext>((services, options) =>
            UsePostgres(options, connectionString).AddInterceptors(services.GetRequiredService<DatabaseCircuitInterceptor>()));
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
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // EF logs every failed connection, command, query and save at Error, then throws. Each failure is already
            // answered where it ends: a 503 with the circuit's one line when PostgreSQL is gone (EF added two errors per
            // refused request: 1,370 lines for a 20 s outage), a 500 logged with its exception, a failed job logged by
            // Hangfire, or a handled conflict (a unique violation that means "already done") that is no error at all.
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

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

        return WithConnectTimeout(value);
    }

    private static string WithConnectTimeout(string value)
    {
        var stated = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = value };
        return stated.ContainsKey("Timeout")
            ? value
            : new NpgsqlConnectionStringBuilder(value) { Timeout = DefaultConnectTimeoutSeconds }.ConnectionString;
    }
}

/// <summary>The validated connection string, for code that talks to PostgreSQL without EF (Hangfire, checks).</summary>
public sealed record DatabaseConnection(string ConnectionString)
{
    public NpgsqlConnectionStringBuilder Describe() => new(ConnectionString);
}
