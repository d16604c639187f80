using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Features.Authoring;

internal sealed class CourseDraftConfiguration : IEntityTypeConfiguration<CourseDraft>
{
    public void Configure(EntityTypeBuilder<CourseDraft> builder)
    {
        builder.Property(d => d.Slug).HasMaxLength(100);
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Owners).WithOne().HasForeignKey(o => o.DraftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseDraftFileConfiguration : IEntityTypeConfiguration<CourseDraftFile>
{
    public void Configure(EntityTypeBuilder<CourseDraftFile> builder)
    {
        builder.HasKey(f => new { f.DraftId, f.Path });
        builder.Property(f => f.Path).HasMaxLength(300);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
        builder.Property(f => f.TranslatedFromHash).HasMaxLength(64);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class CourseVersionConfiguration : IEntityTypeConfiguration<CourseVersion>
{
    public void Configure(EntityTypeBuilder<CourseVersion> builder)
    {
        builder.HasIndex(v => new { v.DraftId, v.Number }).IsUnique();
        builder.HasOne<CourseDraft>().WithMany().HasForeignKey(v => v.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Files).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseVersionFileConfiguration : IEntityTypeConfiguration<CourseVersionFile>
{
    public void Configure(EntityTypeBuilder<CourseVersionFile> builder)
    {
        builder.HasKey(f => new { f.VersionId, f.Path });
        builder.Property(f => f.Path).HasMaxLength(300);
        builder.Property(f => f.ContentHash).HasMaxLength(64);
    }
}

internal sealed class CourseOwnerConfiguration : IEntityTypeConfiguration<CourseOwner>
{
    public void Configure(EntityTypeBuilder<CourseOwner> builder)
    {
        builder.HasKey(o => new { o.DraftId, o.UserId });
        builder.HasIndex(o => o.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
