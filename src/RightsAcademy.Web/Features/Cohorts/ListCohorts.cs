using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>The cohorts a coordinator runs (an admin: all), newest start first; archived ones only on request.</summary>
public static class ListCohorts
{
    public sealed record Row(Guid Id, string Title, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn, CohortStage Stage, int Members, int Waitlisted, int Capacity);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, string language, bool archived, CancellationToken cancellationToken) =>
            await db.Manageable(user).AsNoTracking()
                .Where(c => archived ? c.Stage == CohortStage.Archived : c.Stage != CohortStage.Archived)
                .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title)
                .Select(c => new Row(c.Id, c.Title,
                    db.CourseTexts.Where(t => t.CourseId == c.CourseId).OrderBy(t => t.Language == language ? 0 : db.Courses.Any(k => k.Id == c.CourseId && k.DefaultLanguage == t.Language) ? 1 : 2).Select(t => t.Title).FirstOrDefault() ?? "",
                    c.StartsOn, c.EndsOn, c.Stage,
                    c.Members.Count(m => m.Status == CohortMemberStatus.Active),
                    c.Members.Count(m => m.Status == CohortMemberStatus.Waitlisted),
                    c.Capacity))
                .ToListAsync(cancellationToken);
    }
}
