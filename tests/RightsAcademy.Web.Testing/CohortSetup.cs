using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Testing;

/// <summary>Cohorts written straight to the database, for tests about what happens once one exists.</summary>
public static class CohortSetup
{
    public static async Task<Cohort> CreateCohortAsync(this RightsAcademyFactory factory, Guid coordinatorId, IReadOnlyList<Guid> municipalityIds,
        string title = "Spring cohort", DateOnly? startsOn = null, int capacity = 30, CohortEnrolmentMode mode = CohortEnrolmentMode.Invitation,
        string timeZone = "Europe/Paris", string? joinCode = null, Guid? facilitatorId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var courseId = await db.Courses.Where(c => c.Slug == SampleCourse.Slug).Select(c => c.Id).SingleAsync();
        var start = startsOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var cohort = new Cohort
        {
            CourseId = courseId,
            Title = title,
            EnrolmentOpensOn = start.AddDays(-30),
            StartsOn = start,
            EndsOn = start.AddDays(42),
            TimeZone = timeZone,
            Capacity = capacity,
            Mode = mode,
            JoinCode = joinCode,
            CreatedUtc = DateTimeOffset.UtcNow,
            CreatedById = coordinatorId,
            Municipalities = [.. municipalityIds.Select(m => new CohortMunicipality { MunicipalityId = m })],
            Staff = [new CohortStaff { UserId = coordinatorId, Role = CohortStaffRole.Coordinator }],
        };
        if (facilitatorId is { } f)
        {
            cohort.Staff.Add(new CohortStaff { UserId = f, Role = CohortStaffRole.Facilitator });
        }

        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        return cohort;
    }

    public static async Task<CohortSeats.Outcome> AddMemberAsync(this RightsAcademyFactory factory, Guid cohortId, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<CohortSeats>().AddAsync(cohortId, userId, CancellationToken.None);
        await transaction.CommitAsync();
        return outcome;
    }
}
