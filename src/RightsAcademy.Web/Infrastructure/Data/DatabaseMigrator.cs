using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>The explicit migrate step: EF migrations, then Hangfire's own schema, which needs the database to exist.</summary>
internal static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // On a new database EF first queries a history table that does not exist and logs a failure an operator
            // would take for an error; EF's own idempotent script creates the table first.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
            var applied = await db.Database.GetAppliedMigrationsAsync();
            var pending = db.Database.GetMigrations().Except(applied).ToList();
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
