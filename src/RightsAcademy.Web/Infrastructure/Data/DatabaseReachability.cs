using Npgsql;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// Checks at start that PostgreSQL answers, so an operator sees one clear line naming host, port and database
/// instead of a stack trace from the first request or from the job server.
/// </summary>
public sealed class DatabaseReachability(DatabaseConnection database)
{
    private const string InvalidCatalogName = "3D000";
    private const string DuplicateDatabase = "42P04";

    public async Task EnsureReachableAsync(bool databaseMayBeMissing, CancellationToken cancellationToken = default)
    {
        var described = database.Describe();
        var where = $"PostgreSQL at {described.Host}:{described.Port}, database \"{described.Database}\"";
        var probe = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 5, Pooling = false };
        var missing = false;
        try
        {
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == InvalidCatalogName)
        {
            if (!databaseMayBeMissing)
            {
                throw new StartupException(
                    $"Cannot start: {where} does not exist. Create it with the migrate command (infra/run does this).", ex);
            }

            missing = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new StartupException(
                $"Cannot reach {where}: {ex.Message.TrimEnd('.')}. Start the local database with infra/run, " +
                "or fix ConnectionStrings__Default.", ex);
        }

        if (missing)
        {
            try
            {
                await CreateDatabaseAsync(probe, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new StartupException($"Cannot create {where}: {ex.Message.TrimEnd('.')}. Create it by hand or grant CREATEDB.", ex);
            }
        }
    }

    // Created here rather than by EF so the migrate step does not log a failed connection first.
    private static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var name = target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == DuplicateDatabase)
        {
            // Another node created it in the meantime: that is what we wanted.
        }
    }
}
