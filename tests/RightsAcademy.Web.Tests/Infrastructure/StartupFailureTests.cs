using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>An operator who starts the app wrongly gets one clear line and a non-zero exit, not a stack trace.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_missing_connection_string_names_the_setting()
    {
        var (exitCode, output) = await RunAppAsync(new() { ["ConnectionStrings__Default"] = "" });

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:Default", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_names_host_port_and_database_and_how_to_start_it()
    {
        var port = UnusedPort();
        var (exitCode, output) = await RunAppAsync(new()
        {
            ["ConnectionStrings__Default"] = $"Host=127.0.0.1;Port={port};Database=nowhere;Username=u;Password=not-a-secret",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains($"127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.Contains("\"nowhere\"", output, StringComparison.Ordinal);
        Assert.Contains("infra/run", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_is_named()
    {
        var (exitCode, output) = await RunAppAsync(new()
        {
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=x",
            ["BackgroundJobs__WorkerCount"] = "0",
        }, "migrate");

        Assert.Equal(1, exitCode);
        Assert.Contains("BackgroundJobs:WorkerCount", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_creates_a_missing_database_quietly_and_a_second_run_changes_nothing()
    {
        var name = $"ra_test_{Guid.NewGuid():N}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(RightsAcademy.Web.Testing.TestDatabase.ServerConnectionString) { Database = name };
        try
        {
            var first = await RunAppAsync(new() { ["ConnectionStrings__Default"] = connection.ConnectionString }, "migrate");
            var second = await RunAppAsync(new() { ["ConnectionStrings__Default"] = connection.ConnectionString }, "migrate");

            Assert.Equal(0, first.ExitCode);
            Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("Database is up to date.", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            await using var admin = new Npgsql.NpgsqlConnection(RightsAcademy.Web.Testing.TestDatabase.ServerConnectionString);
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(Dictionary<string, string> environment, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "RightsAcademy.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Certificates__IssuerUrl"] = "https://academy.example.org/";
        start.Environment["Certificates__KeyFolder"] = Path.Combine(Path.GetTempPath(), "ra-startup-test-keys");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{UnusedPort()}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
