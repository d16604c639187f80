using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// Demo municipalities and one account per role for a local site. Idempotent: existing accounts keep their
/// passwords, so a restart never locks anyone out.
/// </summary>
internal static class DemoSeeder
{
    public const string PasswordVariable = "DEMO_PASSWORD";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string Language, int Municipality)> Accounts =
    [
        ("learner@example.org", "Ji-woo Park", Roles.Learner, "en", 0),
        ("trainer@example.org", "Amina Diallo", Roles.Trainer, "fr", 1),
        ("coordinator@example.org", "Lucía Fernández", Roles.Coordinator, "es", 1),
        ("admin@example.org", "Karim Ben Salah", Roles.Admin, "en", 0),
    ];

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            await Console.Error.WriteLineAsync("seed-demo only runs in the Development environment.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password) || password.Length < PasswordRules.MinimumLength)
        {
            await Console.Error.WriteLineAsync($"Set {PasswordVariable} to a password of at least {PasswordRules.MinimumLength} characters.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var municipalities = new[]
        {
            await EnsureMunicipalityAsync(db, "Gwangju Metropolitan City", "KR", "Asia/Seoul", "en", clock),
            await EnsureMunicipalityAsync(db, "Barcelona City Council", "ES", "Europe/Madrid", "es", clock),
        };

        var created = 0;
        foreach (var (email, name, role, language, municipality) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                MunicipalityId = municipalities[municipality].Id,
                PreferredLanguage = language,
                TimeZone = municipalities[municipality].TimeZone,
                CreatedUtc = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                return 1;
            }

            await users.AddToRoleAsync(user, role);
            created++;
        }

        await Console.Out.WriteLineAsync(created == 0 ? "Demo accounts already exist." : $"Created {created} demo account(s).");
        return 0;
    }

    private static async Task<Municipality> EnsureMunicipalityAsync(AppDbContext db, string name, string country, string timeZone,
        string language, TimeProvider clock)
    {
        var existing = await db.Municipalities.SingleOrDefaultAsync(m => m.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        var municipality = new Municipality { Name = name, Country = country, TimeZone = timeZone, DefaultLanguage = language, CreatedUtc = clock.GetUtcNow() };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality;
    }
}
