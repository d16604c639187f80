using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// Which run of a course a learner takes: the cohort of that course they are an active member of (the latest joined,
/// if several), else the self-paced run. A cohort run's completion also needs the course's minimum of attended
/// peer-exchange sessions of that cohort, and its certificate carries the run key <c>cohort:{id}</c>.
/// </summary>
public static class CourseRuns
{
    public const string CohortPrefix = "cohort:";

    public static string CohortKey(Guid cohortId) => CohortPrefix + cohortId.ToString();

    public static IQueryable<Guid> CohortIds(AppDbContext db, Guid userId, Guid courseId) =>
        db.CohortMembers.Where(m => m.UserId == userId && m.Status == CohortMemberStatus.Active && db.Cohorts.Any(c => c.Id == m.CohortId && c.CourseId == courseId))
            .OrderByDescending(m => m.JoinedUtc).ThenByDescending(m => m.Id).Select(m => m.CohortId);

    public static async Task<string> KeyAsync(AppDbContext db, Guid userId, Guid courseId, CancellationToken cancellationToken) =>
        await CohortIds(db, userId, courseId).Select(id => (Guid?)id).FirstOrDefaultAsync(cancellationToken) is { } cohortId
            ? CohortKey(cohortId)
            : Certificate.SelfPacedRun;

    /// <summary>Sessions of the cohort (not cancelled) the learner was recorded as attending.</summary>
    public static Task<int> AttendedSessionsAsync(AppDbContext db, Guid userId, Guid cohortId, CancellationToken cancellationToken) =>
        db.SessionAttendances.CountAsync(a => a.UserId == userId && a.Attended
            && db.ExchangeSessionCohorts.Any(c => c.SessionId == a.SessionId && c.CohortId == cohortId)
            && db.ExchangeSessions.Any(s => s.Id == a.SessionId && s.CancelledUtc == null), cancellationToken);
}
