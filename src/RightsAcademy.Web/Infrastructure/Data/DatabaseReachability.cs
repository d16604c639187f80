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

    public async Task EnsureReachableAsync(bool databaseMayBeMissing, CancellationToken cancellationToken = default)
    {
        var described = database.Describe();
        var where = $"PostgreSQL at {described.Host}:{described.Port}, database \"{described.Database}\"";
        var probe = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 5, Pooling = false };
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
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new StartupException(
                $"Cannot reach {where}: {ex.Message.TrimEnd('.')}. Start the local database with infra/run, " +
                "or fix ConnectionStrings__Default.", ex);
        }
    }
}
