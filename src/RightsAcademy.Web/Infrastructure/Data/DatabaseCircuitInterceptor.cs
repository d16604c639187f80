using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// Puts every EF connection (features, Identity, Data Protection, health checks) behind the <see cref="DatabaseCircuit"/>,
/// and drops pooled connections as soon as PostgreSQL is seen gone: after a restart they are all dead, and each one
/// handed out again would fail one more request.
/// </summary>
public sealed class DatabaseCircuitInterceptor(DatabaseCircuit circuit) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ThrowIfOpen();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfOpen();
        return ValueTask.FromResult(result);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => circuit.ReportSuccess();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        circuit.ReportSuccess();
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => OnConnectionFailed(connection, eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnConnectionFailed(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => OnCommandFailed(command, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommandFailed(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void ThrowIfOpen()
    {
        if (!circuit.AllowAttempt())
        {
            throw new DatabaseUnavailableException();
        }
    }

    private void OnConnectionFailed(DbConnection connection, Exception exception)
    {
        // Our own refusal is not news: counting it would keep the circuit open for as long as requests keep coming.
        if (exception is not DatabaseUnavailableException && DatabaseFailures.IsUnavailable(exception))
        {
            circuit.ReportFailure(exception);
            ClearPool(connection);
        }
    }

    // A command failing on a connection that opened from the pool means that connection was dead: its idle siblings
    // are too. The circuit is left alone: one killed backend (pg_terminate_backend) is not an outage, and if the server
    // is really gone the next connection attempt says so.
    private static void OnCommandFailed(DbCommand command, Exception exception)
    {
        if (command.Connection is { } connection && DatabaseFailures.IsUnavailable(exception))
        {
            ClearPool(connection);
        }
    }

    private static void ClearPool(DbConnection connection)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            NpgsqlConnection.ClearPool(npgsql);
        }
    }
}
