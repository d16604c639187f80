using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsAcademy.Web.Features.Municipalities;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.Property(m => m.DefaultLanguage).HasMaxLength(8);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}
