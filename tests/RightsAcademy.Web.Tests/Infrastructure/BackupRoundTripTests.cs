using System.Diagnostics;
using Npgsql;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Certificates;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>infra/backup then infra/restore into a new database: every table keeps every row, byte for byte.</summary>
public sealed class BackupRoundTripTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    [Fact]
    public async Task A_backup_restored_into_a_new_database_keeps_every_row_of_every_table()
    {
        var (learner, client) = await app.LearnerWhoCompletedAsync("backup-learner@example.org", displayName: "Nour Al-Huda 누리");
        client.Dispose();
        await app.IssueAsync(learner.Id); // a PDF in a bytea column
        var coordinator = await app.Factory.CreateUserAsync("backup-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateUserAsync("backup-admin@example.org", Roles.Admin, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Backup cohort");
        await app.Factory.AddMemberAsync(cohort.Id, learner.Id);

        var source = app.Factory.Database.Name;
        var restored = source + "_restored";
        var file = Path.Combine(Directory.CreateTempSubdirectory("ra-backup-").FullName, "backup.dump");
        try
        {
            await RunAsync(source, "infra/backup", file);
            await RunAsync(source, "infra/restore", file, restored);

            var before = await FingerprintAsync(source);
            var after = await FingerprintAsync(restored);
            var summary = string.Join(", ", before.Select(p => $"{p.Key}={p.Value.Rows}"));
            Assert.True(before.TryGetValue("public.\"AspNetUsers\"", out var users) && users.Rows >= 3, summary);
            Assert.True(before.TryGetValue("public.\"Certificates\"", out var certificates) && certificates.Rows >= 1, summary);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var (table, print) in before)
            {
                Assert.True(print == after[table], $"{table}: {print} before, {after[table]} after the round trip");
            }

            // Restoring over a database that has data is refused rather than merged.
            var refused = await RunAsync(source, "infra/restore", file, restored, expectFailure: true);
            Assert.Contains("--replace", refused, StringComparison.Ordinal);
        }
        finally
        {
            await using var admin = new NpgsqlConnection(TestDatabase.ServerConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private sealed record Print(long Rows, string Digest);

    /// <summary>Per table: the row count and an MD5 over every row's text, in a stable order.</summary>
    private static async Task<Dictionary<string, Print>> FingerprintAsync(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = database, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var prints = new Dictionary<string, Print>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            prints[table] = new Print(reader.GetInt64(0), reader.GetString(1));
        }

        return prints;
    }

    private static async Task<string> RunAsync(string source, string script, string file, string? database = null, bool expectFailure = false)
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(file);
        if (database is not null)
        {
            start.ArgumentList.Add(database);
        }

        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment["PGDATABASE"] = source;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Assert.True(expectFailure ? process.ExitCode != 0 : process.ExitCode == 0, $"{script} exited {process.ExitCode}: {text}");
        return text;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "backup")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("infra/backup not found above the test assembly.");
    }
}
