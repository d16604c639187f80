using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace RightsAcademy.Web.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own, in a temporary folder on a free 127.0.0.1 port, for tests that stop and start
/// the server (never infra/test's shared one). The same flags as infra/lib.sh; run as the postgres user when the tests
/// run as root, since PostgreSQL refuses root. Disposing stops it and deletes the folder, also after a failed test.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private PostgresCluster(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A server connection string without a database, like RA_TEST_DB.</summary>
    public string ServerConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Password = _password,
    }.ConnectionString;

    private string DataDir => Path.Combine(_dir, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<PostgresCluster> StartNewAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version())
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (infra/test installs them).");
        }

        var dir = Directory.CreateTempSubdirectory("ra-pg-").FullName;
        var cluster = new PostgresCluster(bin, dir, FreePort());
        try
        {
            await cluster.InitAsync();
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task InitAsync()
    {
        var passwordFile = Path.Combine(_dir, "pw");
        await File.WriteAllTextAsync(passwordFile, _password);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _dir]);
        }

        await RunAsPostgresAsync("initdb", ["-D", DataDir, "-U", "postgres", $"--pwfile={passwordFile}",
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
    }

    public Task StartAsync() =>
        RunAsPostgresAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=", "start"]);

    /// <summary>pg_ctl stop -m fast: open sessions are ended (57P01), committed work is kept, as in a real restart.</summary>
    public Task StopAsync() => RunAsPostgresAsync("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task RunAsPostgresAsync(string tool, IReadOnlyList<string> arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        // The working folder must be readable by the postgres user, as infra/lib.sh's (cd "$dir" && ...) ensures.
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dir, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}\n{tail}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
