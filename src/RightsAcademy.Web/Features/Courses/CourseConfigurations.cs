using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Features.Courses;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.DefaultLanguage).HasMaxLength(8);
        builder.Property(c => c.EstimatedHours).HasPrecision(6, 2);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Enrolment).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Issuer).HasMaxLength(200);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.HasMany(c => c.Texts).WithOne().HasForeignKey(t => t.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Modules).WithOne().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseTextConfiguration : IEntityTypeConfiguration<CourseText>
{
    public void Configure(EntityTypeBuilder<CourseText> builder)
    {
        builder.HasKey(t => new { t.CourseId, t.Language });
        PageTextColumns.Configure(builder);
    }
}

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<CourseModule>
{
    public void Configure(EntityTypeBuilder<CourseModule> builder)
    {
        builder.Property(m => m.Slug).HasMaxLength(100);
        builder.HasIndex(m => new { m.CourseId, m.Slug }).IsUnique();
        builder.HasMany(m => m.Texts).WithOne().HasForeignKey(t => t.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Lessons).WithOne(l => l.Module).HasForeignKey(l => l.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModuleTextConfiguration : IEntityTypeConfiguration<ModuleText>
{
    public void Configure(EntityTypeBuilder<ModuleText> builder)
    {
        builder.HasKey(t => new { t.ModuleId, t.Language });
        PageTextColumns.Configure(builder);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.Property(l => l.Slug).HasMaxLength(100);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(l => new { l.ModuleId, l.Slug }).IsUnique();
        builder.HasIndex(l => l.CourseId);
        builder.HasOne(l => l.Course).WithMany().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Texts).WithOne().HasForeignKey(t => t.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonTextConfiguration : IEntityTypeConfiguration<LessonText>
{
    public void Configure(EntityTypeBuilder<LessonText> builder)
    {
        builder.HasKey(t => new { t.LessonId, t.Language });
        PageTextColumns.Configure(builder);
        builder.Property(t => t.Questions).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<QuizQuestionData>>(), JsonColumn.Comparer<List<QuizQuestionData>>());
    }
}

internal sealed class CourseAssetConfiguration : IEntityTypeConfiguration<CourseAsset>
{
    public void Configure(EntityTypeBuilder<CourseAsset> builder)
    {
        builder.HasKey(a => new { a.CourseId, a.Path });
        builder.Property(a => a.Path).HasMaxLength(300);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasIndex(e => new { e.UserId, e.CourseId }).IsUnique();
        builder.HasIndex(e => e.CourseId);
        // Reports (Features/Reports) count enrolments and completions in a date range and by week; with 20,000
        // users these range scans must not read every enrolment.
        builder.HasIndex(e => e.EnrolledUtc);
        builder.HasIndex(e => e.CompletedUtc).HasFilter("\"CompletedUtc\" IS NOT NULL");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(e => e.LastLessonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletion>
{
    public void Configure(EntityTypeBuilder<LessonCompletion> builder)
    {
        // One row per learner and lesson: completing twice (a double click, a retried request) changes nothing.
        builder.HasKey(c => new { c.UserId, c.LessonId });
        builder.HasIndex(c => c.LessonId);
        // Weekly activity in reports reads a date range of the (million-row) completions with the learner.
        builder.HasIndex(c => c.CompletedUtc).IncludeProperties(c => c.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.HasIndex(a => new { a.UserId, a.LessonId });
        builder.HasIndex(a => a.LessonId);
        // Pass rates per question in reports: one quiz's attempts in a date range.
        builder.HasIndex(a => new { a.LessonId, a.SubmittedUtc });
        builder.Property(a => a.Answers).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<Dictionary<string, List<string>>>(), JsonColumn.Comparer<Dictionary<string, List<string>>>());
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportProblemConfiguration : IEntityTypeConfiguration<ImportProblem>
{
    public void Configure(EntityTypeBuilder<ImportProblem> builder)
    {
        builder.Property(p => p.CourseSlug).HasMaxLength(100);
        builder.Property(p => p.Path).HasMaxLength(500);
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Message).HasMaxLength(2000);
    }
}

internal static class PageTextColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder) where T : PageTextBase
    {
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Summary).HasMaxLength(500);
        builder.Property(t => t.SourcePath).HasMaxLength(300);
        builder.Property(t => t.ContentHash).HasMaxLength(64);
        builder.Property(t => t.TranslatedFromHash).HasMaxLength(64);
    }
}

/// <summary>Small documents stored as jsonb and always read whole.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options) ?? new T());

    public static ValueComparer<T> Comparer<T>() where T : new() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options) ?? new T());
}
