using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time")
            .Options;
        return new AppDbContext(options);
    }
}
