using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Testing;

/// <summary>The real app on a test database; with <c>kestrel: true</c> it listens on a real port for a browser.</summary>
public sealed class RightsAcademyFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly TestDatabase _database;

    public RightsAcademyFactory(TestDatabase database, bool kestrel = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _database = database;
        Settings = settings ?? new Dictionary<string, string?>();
        if (kestrel)
        {
            // Must be called on the factory itself: on a WithWebHostBuilder child the port is ignored.
            UseKestrel(0);
        }
    }

    public CapturingMailer Mailer { get; } = new();

    /// <summary>The authenticator key of every user the tests enrolled in two-step sign-in, by e-mail.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Everything the app logged at the configured levels (appsettings.json, then the test's settings).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public TestDatabase Database => _database;

    /// <summary>Services to replace or configure for one test (set before the app starts).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The real address once <see cref="WebApplicationFactory{T}.StartServer"/> ran with Kestrel.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the stylesheet comes from the build's static web assets only when asked:
        // without it browser tests (and axe's contrast checks) would see unstyled pages.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("BackgroundJobs:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("BackgroundJobs:SchedulePollingInterval", "00:00:00.500");
        builder.UseSetting("BackgroundJobs:WorkerCount", "2");
        // Every test signs in from the same (absent) client address, many times a minute; the limits have their own
        // tests with low settings.
        builder.UseSetting("Accounts:SignInsPerMinutePerAddress", "100000");
        builder.UseSetting("Accounts:SignInsPerAccount", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMailer>(Mailer);
            TestServices?.Invoke(services);
        });
    }

    public async Task<Municipality> CreateMunicipalityAsync(string name = "Testville", string country = "FR",
        string timeZone = "Europe/Paris", string language = "fr")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = new Municipality { Name = name, Country = country, TimeZone = timeZone, DefaultLanguage = language, CreatedUtc = DateTimeOffset.UtcNow };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality;
    }

    public async Task<AppUser> CreateUserAsync(string email, string role, Guid municipalityId, string language = "en",
        string timeZone = "Europe/Paris", string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            MunicipalityId = municipalityId,
            PreferredLanguage = language,
            TimeZone = timeZone,
            CreatedUtc = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        if (role == Roles.Admin)
        {
            // Admins must sign in in two steps; the form client and the browser fixture answer the second step.
            await EnableTwoFactorAsync(user.Email!);
        }

        return user;
    }

    /// <summary>Gives the user an authenticator key (kept in <see cref="AuthenticatorKeys"/>) and turns two-step sign-in on.</summary>
    public async Task<string> EnableTwoFactorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        await users.SetTwoFactorEnabledAsync(user, true);
        AuthenticatorKeys[email] = key;
        return key;
    }

    /// <summary>A client without redirects, with cookies; <paramref name="baseAddress"/> https://... makes requests arrive over HTTPS.</summary>
    public FormClient CreateFormClient(Uri? baseAddress = null) =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        }))
        {
            AuthenticatorKeyFor = email => AuthenticatorKeys.TryGetValue(email, out var key) ? key : null,
        };
}
