using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// Tells "PostgreSQL cannot be reached right now" (stopped, restarting, network gone) apart from every other database
/// error. Only the first is answered with 503 and "try again in a minute": a constraint violation or a bug must stay a
/// 500 that someone looks at.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception? exception)
    {
        // EF, Identity and Hangfire wrap the driver's exception (DbUpdateException, "transient failure"
        // InvalidOperationException, BackgroundJobClientException): look through every layer.
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case DatabaseUnavailableException or RetryLimitExceededException:
                    return true;
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException npgsql when IsConnectionLevel(npgsql):
                    return true;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    exception = exception.InnerException;
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting up; 53300: no
    /// connection slot left. Each says nothing about the request itself, only that the server cannot serve it now.
    /// </summary>
    public static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    // An NpgsqlException that is not a PostgresException comes from the driver, not the server: a socket, a stream or
    // a timeout under it means the connection itself failed. "Pool exhausted" is a timeout too, and also a "come back later".
    private static bool IsConnectionLevel(NpgsqlException exception) =>
        exception is not PostgresException
        && (exception.IsTransient || exception.InnerException is IOException or SocketException or TimeoutException or EndOfStreamException);
}

/// <summary>Thrown instead of trying to connect while PostgreSQL is known to be down (see <see cref="DatabaseCircuit"/>).</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
        : base("PostgreSQL was unreachable moments ago; not trying again yet.")
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
