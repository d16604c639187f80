using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Features.Reports;

internal sealed class DepartmentTargetConfiguration : IEntityTypeConfiguration<DepartmentTarget>
{
    public void Configure(EntityTypeBuilder<DepartmentTarget> builder)
    {
        // One target per department: saving again replaces it.
        builder.HasKey(t => new { t.MunicipalityId, t.Department });
        builder.Property(t => t.Department).HasMaxLength(AccountLimits.DepartmentMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
