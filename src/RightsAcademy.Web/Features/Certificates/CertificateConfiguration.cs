using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Features.Certificates;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int RunKeyMaxLength = 64;
    public const int ReasonMaxLength = 500;

    /// <summary>The filtered unique index that makes "one original certificate per learner, course and run" hold across nodes.</summary>
    public const string OneOriginalPerRunIndex = "IX_Certificates_UserId_CourseId_RunKey_Original";

    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(VerificationCode.Length);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.CourseSlug).HasMaxLength(200);
        builder.Property(c => c.RunKey).HasMaxLength(RunKeyMaxLength);
        builder.Property(c => c.LearnerName).HasMaxLength(NameMaxLength);
        builder.Property(c => c.CourseTitle).HasMaxLength(TitleMaxLength);
        builder.Property(c => c.CourseLanguage).HasMaxLength(8);
        builder.Property(c => c.LabelsLanguage).HasMaxLength(8);
        builder.Property(c => c.MunicipalityName).HasMaxLength(NameMaxLength);
        builder.Property(c => c.IssuingOrganisation).HasMaxLength(NameMaxLength);
        builder.Property(c => c.VerificationUrl).HasMaxLength(500);
        builder.Property(c => c.Hours).HasPrecision(6, 2);
        builder.Property(c => c.RevocationReason).HasMaxLength(ReasonMaxLength);

        // Issued exactly once even when two job runs race: the second insert violates this index.
        // Replacements (ReplacesId set) are outside it and unique per replaced certificate instead.
        builder.HasIndex(c => new { c.UserId, c.CourseId, c.RunKey }).IsUnique()
            .HasFilter("\"ReplacesId\" IS NULL").HasDatabaseName(OneOriginalPerRunIndex);
        builder.HasIndex(c => c.ReplacesId).IsUnique();
        // Reports count a group's certificates: the unique index above is partial, so it cannot serve every lookup by learner.
        builder.HasIndex(c => new { c.UserId, c.IssuedUtc });

        // No cascade: deleting an account keeps its certificates (and their verification) with the snapshot.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Certificate>().WithOne().HasForeignKey<Certificate>(c => c.ReplacesId).OnDelete(DeleteBehavior.Restrict);
    }
}
