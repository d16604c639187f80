using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext, used directly by feature handlers (no repository layer).
/// Add a migration with:
/// <c>dotnet ef migrations add Name --project src/RightsAcademy.Web --output-dir Infrastructure/Data/Migrations</c>
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    // Shared with every app node so cookies and antiforgery tokens survive a restart or a second node.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
