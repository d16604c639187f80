using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Features.Sessions;

internal sealed class ExchangeSessionConfiguration : IEntityTypeConfiguration<ExchangeSession>
{
    public const int TitleMaxLength = 200;
    public const int MarkdownMaxLength = 20_000;
    public const int UrlMaxLength = 500;
    public const int VenueMaxLength = 300;

    public void Configure(EntityTypeBuilder<ExchangeSession> builder)
    {
        builder.ToTable("ExchangeSessions");
        builder.Property(s => s.Title).HasMaxLength(TitleMaxLength);
        builder.Property(s => s.AgendaMarkdown).HasMaxLength(MarkdownMaxLength);
        builder.Property(s => s.OutcomesMarkdown).HasMaxLength(MarkdownMaxLength);
        builder.Property(s => s.HostTimeZone).HasMaxLength(64);
        builder.Property(s => s.MeetingUrl).HasMaxLength(UrlMaxLength);
        builder.Property(s => s.Venue).HasMaxLength(VenueMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.IsCancelled);
        builder.Ignore(s => s.EndUtc);
        // Lists and reports ask for sessions in a time window ("upcoming", "held in March").
        builder.HasIndex(s => s.StartUtc);
        builder.HasIndex(s => new { s.OpenToAllStaff, s.StartUtc }).HasFilter("\"OpenToAllStaff\"");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Cohorts).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Facilitators).WithOne().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.PresentingMunicipalities).WithOne().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.PreWork).WithOne().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeSessionCohortConfiguration : IEntityTypeConfiguration<ExchangeSessionCohort>
{
    public void Configure(EntityTypeBuilder<ExchangeSessionCohort> builder)
    {
        builder.ToTable("ExchangeSessionCohorts");
        builder.HasKey(c => new { c.SessionId, c.CohortId });
        // "Sessions of my cohorts" is the learner's main question.
        builder.HasIndex(c => c.CohortId);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeSessionFacilitatorConfiguration : IEntityTypeConfiguration<ExchangeSessionFacilitator>
{
    public void Configure(EntityTypeBuilder<ExchangeSessionFacilitator> builder)
    {
        builder.ToTable("ExchangeSessionFacilitators");
        builder.HasKey(f => new { f.SessionId, f.UserId });
        builder.HasIndex(f => f.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExchangeSessionMunicipalityConfiguration : IEntityTypeConfiguration<ExchangeSessionMunicipality>
{
    public void Configure(EntityTypeBuilder<ExchangeSessionMunicipality> builder)
    {
        builder.ToTable("ExchangeSessionMunicipalities");
        builder.HasKey(m => new { m.SessionId, m.MunicipalityId });
        builder.HasIndex(m => m.MunicipalityId);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExchangeSessionLessonConfiguration : IEntityTypeConfiguration<ExchangeSessionLesson>
{
    public void Configure(EntityTypeBuilder<ExchangeSessionLesson> builder)
    {
        builder.ToTable("ExchangeSessionLessons");
        builder.HasKey(l => new { l.SessionId, l.LessonId });
        builder.HasIndex(l => l.LessonId);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(l => l.LessonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionRsvpConfiguration : IEntityTypeConfiguration<SessionRsvp>
{
    public void Configure(EntityTypeBuilder<SessionRsvp> builder)
    {
        builder.Property(r => r.Answer).HasConversion<string>().HasMaxLength(16);
        // One answer per person and session: a double submit or two tabs change the answer, never add a second.
        builder.HasIndex(r => new { r.SessionId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        // Counting places taken and serving the waitlist in order.
        builder.HasIndex(r => new { r.SessionId, r.Answer, r.AnsweredUtc });
        builder.HasOne<ExchangeSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.HasKey(a => new { a.SessionId, a.UserId });
        // The roster and the completion rule count a person's attended sessions.
        builder.HasIndex(a => new { a.UserId, a.Attended });
        builder.HasOne<ExchangeSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
