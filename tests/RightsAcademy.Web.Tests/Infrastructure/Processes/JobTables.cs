using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// What the app nodes' Hangfire keeps in PostgreSQL (schema <c>hangfire</c>), read and nudged from the test: which
/// jobs ran where, and a way to run a recurring job now (the dashboard's "Trigger now") without waiting for its minute.
/// </summary>
internal sealed class JobTables(string connectionString)
{
    /// <summary>Runs a recurring job now, once the node that registers it has started; returns the new job's id.</summary>
    public async Task<long> TriggerAsync(string recurringJobId)
    {
        await Eventually.ThatAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.hash WHERE key = @key AND field = 'Job'", ("key", $"recurring-job:{recurringJobId}")) > 0,
            TimeSpan.FromSeconds(30), () => $"recurring job {recurringJobId} was never registered");
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        var id = new RecurringJobManager(storage).TriggerJob(recurringJobId);
        return long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<string?> StateAsync(long jobId) =>
        ScalarAsync<string?>("SELECT statename FROM hangfire.job WHERE id = @id", ("id", jobId));

    public async Task<IReadOnlyList<long>> JobsInStateAsync(string state)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM hangfire.job WHERE statename = @state ORDER BY id", connection);
        command.Parameters.AddWithValue("state", state);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The server (host:process id) of each time the job entered Processing, in order.</summary>
    public async Task<IReadOnlyList<string>> ProcessedByAsync(long jobId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data::text FROM hangfire.state WHERE jobid = @id AND name = 'Processing' ORDER BY id", connection);
        command.Parameters.AddWithValue("id", jobId);
        var servers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var data = JsonDocument.Parse(reader.GetString(0));
            servers.Add(data.RootElement.GetProperty("ServerId").GetString()!);
        }

        return servers;
    }

    /// <summary>Hangfire servers that sent a heartbeat in the last <paramref name="within"/>.</summary>
    public Task<long> LiveServersAsync(TimeSpan within) =>
        ScalarAsync<long>("SELECT count(*) FROM hangfire.server WHERE lastheartbeat > now() - @within", ("within", within));

    /// <summary>Background jobs created by the scheduler (or a trigger) for each recurring job, since a point in time.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RecurringRunsSinceAsync(DateTime sinceUtc)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.value, count(*) FROM hangfire.jobparameter p JOIN hangfire.job j ON j.id = p.jobid
            WHERE p.name = 'RecurringJobId' AND j.createdat >= @since GROUP BY p.value
            """, connection);
        command.Parameters.AddWithValue("since", DateTime.SpecifyKind(sinceUtc, DateTimeKind.Unspecified));
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs[JsonSerializer.Deserialize<string>(reader.GetString(0))!] = (int)reader.GetInt64(1);
        }

        return runs;
    }

    public async Task<IReadOnlyList<string>> RecurringJobIdsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value", connection);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Makes every recurring job due now, as if its minute (or hour) had come and gone: Hangfire computes the next
    /// execution from the last one, so that goes back two hours, and the job's score in the scheduler's set (the time it
    /// is looked at) goes to now. Every node's scheduler then sees each job due at its next poll.
    /// </summary>
    public async Task MakeRecurringJobsDueAsync()
    {
        var now = DateTime.UtcNow;
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var last = new NpgsqlCommand("""
            DELETE FROM hangfire.hash WHERE key LIKE 'recurring-job:%' AND field = 'LastExecution';
            INSERT INTO hangfire.hash (key, field, value)
            SELECT 'recurring-job:' || value, 'LastExecution', @last FROM hangfire.set WHERE key = 'recurring-jobs';
            UPDATE hangfire.set SET score = @score WHERE key = 'recurring-jobs';
            """, connection, transaction))
        {
            last.Parameters.AddWithValue("last", JobHelper.SerializeDateTime(now.AddHours(-2)));
            last.Parameters.AddWithValue("score", (double)new DateTimeOffset(now).ToUnixTimeSeconds() - 1);
            await last.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// The lock row a node leaves when it is killed inside the recurring-job scheduler's few milliseconds (written under
    /// both the plain and the schema-prefixed resource name, whichever the storage uses).
    /// </summary>
    public async Task LeaveSchedulerLockAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO hangfire.lock (resource, acquired)
            VALUES ('recurring-jobs:lock', now() AT TIME ZONE 'UTC'), ('hangfire:recurring-jobs:lock', now() AT TIME ZONE 'UTC')
            ON CONFLICT DO NOTHING
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits while a minute is about to turn: the minutely jobs would then also fall due on their own.</summary>
    public static async Task OutsideMinuteBoundaryAsync()
    {
        var now = DateTime.UtcNow;
        if (now.Second >= 48)
        {
            await Task.Delay(TimeSpan.FromSeconds(62 - now.Second));
        }
    }

    /// <summary>Recurring jobs whose next execution is still in the past: not yet handled by any scheduler.</summary>
    public async Task<long> DueRecurringJobsAsync()
    {
        var now = (double)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return await ScalarAsync<long>("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND score <= @now", ("now", now));
    }

    /// <summary>
    /// Sessions of this database waiting for a lock (a row, a table or an advisory lock) right now, optionally only
    /// those whose statement contains one of <paramref name="statements"/>.
    /// </summary>
    public Task<long> WaitingForLocksAsync(params string[] statements) =>
        ScalarAsync<long>("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
              AND (cardinality(@statements) = 0 OR query ILIKE ANY (SELECT '%' || s || '%' FROM unnest(@statements) s))
            """, ("statements", statements));

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails with what <paramref name="describe"/> says (e.g. the nodes' logs).</summary>
    public static async Task ThatAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {timeout}: {describe()}");
            }

            await Task.Delay(200);
        }
    }
}
