using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run dotnet ef migrations add (see CONTRIBUTING.md).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_creates_the_four_roles()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var roles = await db.Roles.Select(r => r.Name).OrderBy(n => n).ToListAsync();

        Assert.Equal(["Admin", "Coordinator", "Learner", "Trainer"], roles);
    }
}
