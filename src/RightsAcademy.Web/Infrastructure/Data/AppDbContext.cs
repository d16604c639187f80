using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Authoring;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Features.Practices;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Features.Reports;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext, used directly by feature handlers (no repository layer).
/// Add a migration with:
/// <c>dotnet ef migrations add Name --project src/RightsAcademy.Web --output-dir Infrastructure/Data/Migrations</c>
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseText> CourseTexts => Set<CourseText>();

    public DbSet<CourseModule> Modules => Set<CourseModule>();

    public DbSet<ModuleText> ModuleTexts => Set<ModuleText>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<LessonText> LessonTexts => Set<LessonText>();

    public DbSet<CourseAsset> CourseAssets => Set<CourseAsset>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<ImportProblem> ImportProblems => Set<ImportProblem>();

    public DbSet<CourseDraft> CourseDrafts => Set<CourseDraft>();

    public DbSet<CourseDraftFile> CourseDraftFiles => Set<CourseDraftFile>();

    public DbSet<CourseVersion> CourseVersions => Set<CourseVersion>();

    public DbSet<CourseVersionFile> CourseVersionFiles => Set<CourseVersionFile>();

    public DbSet<CourseOwner> CourseOwners => Set<CourseOwner>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortMunicipality> CohortMunicipalities => Set<CohortMunicipality>();

    public DbSet<CohortStaff> CohortStaff => Set<CohortStaff>();

    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();

    public DbSet<CohortPace> CohortPacing => Set<CohortPace>();

    public DbSet<CohortMilestone> CohortMilestones => Set<CohortMilestone>();

    public DbSet<ExchangeSession> ExchangeSessions => Set<ExchangeSession>();

    public DbSet<ExchangeSessionCohort> ExchangeSessionCohorts => Set<ExchangeSessionCohort>();

    public DbSet<ExchangeSessionFacilitator> ExchangeSessionFacilitators => Set<ExchangeSessionFacilitator>();

    public DbSet<ExchangeSessionMunicipality> ExchangeSessionMunicipalities => Set<ExchangeSessionMunicipality>();

    public DbSet<ExchangeSessionLesson> ExchangeSessionLessons => Set<ExchangeSessionLesson>();

    public DbSet<SessionRsvp> SessionRsvps => Set<SessionRsvp>();

    public DbSet<SessionAttendance> SessionAttendances => Set<SessionAttendance>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<MailPreferences> MailPreferences => Set<MailPreferences>();

    public DbSet<DigestItem> DigestItems => Set<DigestItem>();

    public DbSet<DepartmentTarget> DepartmentTargets => Set<DepartmentTarget>();

    // Shared with every app node so cookies and antiforgery tokens survive a restart or a second node.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
