using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Progress of every active member for the cohort's coordinators and facilitators. A fixed number of queries
/// whatever the size of the cohort: members, then completions and quiz results grouped per member.
/// Session attendance is counted the same way: one grouped query for attended sessions of this cohort.
/// </summary>
public static class ShowRoster
{
    public sealed record Filter(Guid? MunicipalityId, string? Department);

    public sealed record Row(Guid UserId, string Name, string Municipality, string? Department, int RequiredDone, int RequiredTotal,
        DateTimeOffset? LastActivityUtc, int QuizzesPassed, int QuizzesTotal, int? BestQuizPercent, int SessionsAttended = 0, int SessionsHeld = 0);

    public sealed record View(Guid CohortId, string Title, Filter Filter, IReadOnlyList<(Guid Id, string Name)> Municipalities,
        IReadOnlyList<string> Departments, IReadOnlyList<Row> Rows);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<View?> HandleAsync(Guid cohortId, Filter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var cohort = await db.Staffed(user).AsNoTracking().Where(c => c.Id == cohortId)
                .Select(c => new { c.Id, c.Title, c.CourseId }).SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return null;
            }

            var allMembers = await db.CohortMembers.Where(m => m.CohortId == cohortId && m.Status == CohortMemberStatus.Active)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new
                {
                    u.Id, u.DisplayName, u.MunicipalityId, Municipality = u.Municipality!.Name, u.Department,
                    LastActivity = db.Enrolments.Where(e => e.UserId == u.Id && e.CourseId == cohort.CourseId).Select(e => (DateTimeOffset?)e.LastActivityUtc).FirstOrDefault(),
                })
                .OrderBy(m => m.Municipality).ThenBy(m => m.DisplayName)
                .ToListAsync(cancellationToken);
            var members = allMembers
                .Where(m => filter.MunicipalityId is null || m.MunicipalityId == filter.MunicipalityId)
                .Where(m => string.IsNullOrWhiteSpace(filter.Department) || string.Equals(m.Department, filter.Department.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            var ids = members.Select(m => m.Id).ToList();

            var lessons = db.Lessons.Where(l => l.CourseId == cohort.CourseId && l.ArchivedUtc == null);
            var requiredTotal = await lessons.CountAsync(l => l.Required, cancellationToken);
            var quizzesTotal = await lessons.CountAsync(l => l.Kind == LessonKind.Quiz, cancellationToken);
            var done = await db.LessonCompletions
                .Where(c => ids.Contains(c.UserId) && lessons.Any(l => l.Id == c.LessonId && l.Required))
                .GroupBy(c => c.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
            var quizzes = await db.QuizAttempts
                .Where(a => ids.Contains(a.UserId) && lessons.Any(l => l.Id == a.LessonId))
                .GroupBy(a => new { a.UserId, a.LessonId })
                .Select(g => new { g.Key.UserId, Passed = g.Any(a => a.Passed), Best = g.Max(a => a.ScorePercent) })
                .ToListAsync(cancellationToken);

            var now = clock.GetUtcNow();
            var cohortSessions = db.ExchangeSessionCohorts.Where(c => c.CohortId == cohortId).Select(c => c.SessionId);
            var sessionsHeld = await db.ExchangeSessions.CountAsync(s => cohortSessions.Contains(s.Id) && s.CancelledUtc == null && s.StartUtc <= now, cancellationToken);
            var attended = await db.SessionAttendances
                .Where(a => ids.Contains(a.UserId) && a.Attended && cohortSessions.Contains(a.SessionId)
                    && db.ExchangeSessions.Any(s => s.Id == a.SessionId && s.CancelledUtc == null))
                .GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);

            var rows = members.Select(m =>
            {
                var mine = quizzes.Where(q => q.UserId == m.Id).ToList();
                return new Row(m.Id, m.DisplayName, m.Municipality, m.Department, done.GetValueOrDefault(m.Id), requiredTotal, m.LastActivity,
                    mine.Count(q => q.Passed), quizzesTotal, mine.Count == 0 ? null : mine.Max(q => q.Best),
                    attended.GetValueOrDefault(m.Id), sessionsHeld);
            }).ToList();
            var municipalities = allMembers.Select(m => (m.MunicipalityId, m.Municipality)).Distinct().OrderBy(m => m.Municipality, StringComparer.CurrentCulture).ToList();
            var departments = allMembers.Select(m => m.Department).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
            return new View(cohort.Id, cohort.Title, filter, municipalities, departments, rows);
        }
    }
}
