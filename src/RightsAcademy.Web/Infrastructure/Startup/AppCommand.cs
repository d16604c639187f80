using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>The command line: the site by default, or one operator command.</summary>
internal sealed record AppCommand(string Name, IReadOnlyList<string> Arguments, string[] HostArgs)
{
    private const string Site = "site";
    private const string Usage = """
        Usage: RightsAcademy.Web [command] [--setting=value ...]
          (no command)            start the site
          migrate                 apply database migrations and prepare the job storage
          seed-demo               create the demo municipalities and accounts (Development only)
          content check <folder>  validate courses; prints path:line: message, exits 1 on any error
          content import <folder> import courses into the database
        """;

    public bool IsSite => Name == Site;

    public bool NeedsNoHost => Name is "content-check" or "help" or "unknown";

    public static AppCommand Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new AppCommand(Site, [], args);
        }

        return args[0] switch
        {
            "migrate" or "seed-demo" => new AppCommand(args[0], [], args[1..]),
            "content" when args.Length >= 3 && args[1] is "check" or "import" =>
                new AppCommand($"content-{args[1]}", [FromInvocationDirectory(args[2])], args[3..]),
            "help" or "--help" or "-h" => new AppCommand("help", [], []),
            _ => new AppCommand("unknown", [.. args], []),
        };
    }

    /// <summary>
    /// <c>dotnet run --project</c> starts the app in the project folder, but a trainer types a path relative to
    /// where they are; the shell's PWD still names that place.
    /// </summary>
    private static string FromInvocationDirectory(string path)
    {
        var invoked = Environment.GetEnvironmentVariable("PWD");
        var baseDirectory = !string.IsNullOrEmpty(invoked) && Directory.Exists(invoked) ? invoked : Environment.CurrentDirectory;
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(path, baseDirectory);
    }

    public async Task<int> RunWithoutHostAsync()
    {
        switch (Name)
        {
            case "content-check":
                return ContentCommands.Check(Arguments[0], Console.Out);
            case "help":
                await Console.Out.WriteLineAsync(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command: {string.Join(' ', Arguments)}");
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        ValidateSettings(app.Services);
        var database = app.Services.GetRequiredService<DatabaseReachability>();
        switch (Name)
        {
            case Site:
                await database.EnsureReachableAsync(databaseMayBeMissing: false);
                // Only now: mapping the jobs dashboard opens the job storage, which would otherwise retry an
                // unreachable database for half a minute before the clear message above could be printed.
                app.UseWebUi();
                await app.RunAsync();
                return 0;
            case "migrate":
                await database.EnsureReachableAsync(databaseMayBeMissing: true);
                await DatabaseMigrator.MigrateAsync(app.Services);
                return 0;
            case "seed-demo":
                await database.EnsureReachableAsync(databaseMayBeMissing: false);
                return await DemoSeeder.RunAsync(app.Services);
            case "content-import":
                await database.EnsureReachableAsync(databaseMayBeMissing: false);
                return await ContentCommands.ImportAsync(app.Services, Arguments[0], Console.Out);
            default:
                throw new InvalidOperationException($"No handler for command {Name}.");
        }
    }

    // The site validates options when the host starts; commands do not start the host, so they ask explicitly.
    private static void ValidateSettings(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException(string.Join(Environment.NewLine, ex.Failures), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections invalid at once: name every setting, not only the first.
            throw new StartupException(string.Join(Environment.NewLine,
                ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)), ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            throw new StartupException(ex.Message, ex);
        }
    }
}
