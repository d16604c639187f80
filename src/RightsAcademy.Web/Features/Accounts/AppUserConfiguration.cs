using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsAcademy.Web.Features.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AccountLimits.DisplayNameMaxLength);
        builder.Property(u => u.CertificateName).HasMaxLength(AccountLimits.DisplayNameMaxLength);
        builder.Ignore(u => u.NameOnCertificates);
        builder.Property(u => u.Department).HasMaxLength(AccountLimits.DepartmentMaxLength);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(8);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasOne(u => u.Municipality).WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.MunicipalityId);
        // Reports group a municipality's staff by department (coverage against target headcount).
        builder.HasIndex(u => new { u.MunicipalityId, u.Department });
    }
}
