using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>The explicit migrate step: EF migrations, then Hangfire's own schema, which needs the database to exist.</summary>
internal static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await db.Database.MigrateAsync();
            await Console.Out.WriteLineAsync(pending.Count == 0
                ? "Database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        }

        // Resolving the storage installs or upgrades the hangfire schema (idempotent).
        _ = services.GetRequiredService<JobStorage>();
        await Console.Out.WriteLineAsync("Job storage is ready.");
    }
}
