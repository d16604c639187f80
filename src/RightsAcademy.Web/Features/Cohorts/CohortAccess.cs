using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Who may see and change which cohort. The Coordinator policy only lets a person into the cohort pages; these
/// queries narrow every page to the cohorts the person runs (admins: all), so a guessed id answers 404.
/// </summary>
public static class CohortAccess
{
    public static IQueryable<Cohort> Manageable(this AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.Cohorts;
        }

        var userId = user.UserId();
        return db.Cohorts.Where(c => c.Staff.Any(s => s.UserId == userId && s.Role == CohortStaffRole.Coordinator));
    }

    /// <summary>Coordinators and facilitators of the cohort (and admins) see its roster.</summary>
    public static IQueryable<Cohort> Staffed(this AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.Cohorts;
        }

        var userId = user.UserId();
        return db.Cohorts.Where(c => c.Staff.Any(s => s.UserId == userId));
    }

    public static Task<bool> CanManageAsync(this AppDbContext db, ClaimsPrincipal user, Guid cohortId, CancellationToken cancellationToken) =>
        db.Manageable(user).AnyAsync(c => c.Id == cohortId, cancellationToken);
}
