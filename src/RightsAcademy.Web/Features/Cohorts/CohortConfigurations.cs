using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Features.Cohorts;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.JoinCode).HasMaxLength(16);
        builder.HasIndex(c => c.JoinCode).IsUnique().HasFilter("\"JoinCode\" IS NOT NULL");
        builder.HasIndex(c => c.CourseId);
        builder.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Municipalities).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Staff).WithOne().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Pacing).WithOne().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortMunicipalityConfiguration : IEntityTypeConfiguration<CohortMunicipality>
{
    public void Configure(EntityTypeBuilder<CohortMunicipality> builder)
    {
        builder.HasKey(m => new { m.CohortId, m.MunicipalityId });
        builder.HasIndex(m => m.MunicipalityId);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortStaffConfiguration : IEntityTypeConfiguration<CohortStaff>
{
    public void Configure(EntityTypeBuilder<CohortStaff> builder)
    {
        builder.HasKey(s => new { s.CohortId, s.UserId });
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
        // "Which cohorts may this person manage?" is asked on every cohort page.
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortMemberConfiguration : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> builder)
    {
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        // One row per person and cohort: joining twice, or a race between two requests, adds nobody.
        builder.HasIndex(m => new { m.CohortId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => new { m.CohortId, m.Status, m.RequestedUtc });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortPaceConfiguration : IEntityTypeConfiguration<CohortPace>
{
    public void Configure(EntityTypeBuilder<CohortPace> builder)
    {
        builder.HasIndex(p => new { p.CohortId, p.ModuleId, p.LessonId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<CourseModule>().WithMany().HasForeignKey(p => p.ModuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CohortMilestoneConfiguration : IEntityTypeConfiguration<CohortMilestone>
{
    public void Configure(EntityTypeBuilder<CohortMilestone> builder)
    {
        builder.HasKey(m => new { m.CohortId, m.Key });
        builder.Property(m => m.Key).HasMaxLength(80);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
