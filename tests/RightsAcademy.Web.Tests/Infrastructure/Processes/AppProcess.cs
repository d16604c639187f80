using System.Diagnostics;
using System.Globalization;
using System.Text;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// The app as an operating-system process of its own (<c>dotnet RightsAcademy.Web.dll</c>), for what an in-process
/// host cannot show: a node killed with SIGKILL in the middle of a job, and two Hangfire nodes (Hangfire keeps
/// process-wide statics, so two hosts in one process are not two nodes). It runs the build that sits next to the test
/// assembly (the test project references the site, so every build of the tests has it), configured by environment
/// variables as in production, listening on 127.0.0.1 only. Dispose kills it, whatever the test did.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    /// <summary>
    /// The test classes that start app processes run one after the other: each starts two or three processes, and
    /// several at once on two cores would make their timing (invisibility timeouts, lock waits) a matter of luck.
    /// </summary>
    public const string Collection = "app processes";

    private const int OutputLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private AppProcess(string name, Process process, Uri? address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    /// <summary>Where the site listens; null for a command.</summary>
    public Uri? Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return $"--- {Name} ---\n" + string.Join('\n', _output);
            }
        }
    }

    /// <summary>The site, on a free port of 127.0.0.1, with a job server unless the settings say otherwise.</summary>
    public static AppProcess StartSite(string name, IReadOnlyDictionary<string, string> settings)
    {
        var port = SmtpSink.FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var all = new Dictionary<string, string>(settings) { ["Urls"] = address.AbsoluteUri.TrimEnd('/') };
        return Start(name, all, address, []);
    }

    /// <summary>An operator command such as <c>content import folder</c>; wait for it with <see cref="WaitForExitAsync"/>.</summary>
    public static AppProcess StartCommand(string name, IReadOnlyDictionary<string, string> settings, params string[] arguments) =>
        Start(name, settings, null, arguments);

    private static AppProcess Start(string name, IReadOnlyDictionary<string, string> settings, Uri? address, string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RightsAcademy.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The site's build is not next to the tests: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing inherited from the test run's own settings decides how the app behaves: only what the test passes.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // Two cores shared with the rest of the suite: one GC heap per process, not one per core.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until /healthz answers 200: migrations checked, database reachable, jobs registered.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was healthy.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting on a loaded machine.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy in time.\n{Output}");
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown code runs, no job is handed back, as when a node is lost.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not finish in {timeout}.\n{Output}");
        }

        // The asynchronous readers may still be delivering the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}
