using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>The four roles are part of the schema: every database has them after <c>migrate</c>, demo or not.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.HasData(
        Role(Roles.Learner, "0199a000-0000-7000-8000-000000000001"),
        Role(Roles.Trainer, "0199a000-0000-7000-8000-000000000002"),
        Role(Roles.Coordinator, "0199a000-0000-7000-8000-000000000003"),
        Role(Roles.Admin, "0199a000-0000-7000-8000-000000000004"));

    private static IdentityRole<Guid> Role(string name, string id) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
