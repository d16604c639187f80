using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// A member leaves, or a coordinator removes one; the place goes to the first on the waitlist. The course
/// enrolment and progress stay: the person keeps what they learnt.
/// </summary>
public static class LeaveCohort
{
    public sealed class Handler(AppDbContext db, CohortSeats seats)
    {
        public async Task<bool> LeaveAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
        {
            if (!await db.CohortMembers.AnyAsync(m => m.CohortId == cohortId && m.UserId == userId && m.Status != CohortMemberStatus.Left, cancellationToken))
            {
                return false;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await seats.RemoveAsync(cohortId, userId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        public async Task<bool> RemoveAsync(Guid cohortId, Guid memberUserId, ClaimsPrincipal coordinator, CancellationToken cancellationToken) =>
            coordinator.UserId() is not null && await db.CanManageAsync(coordinator, cohortId, cancellationToken)
            && await LeaveAsync(cohortId, memberUserId, cancellationToken);
    }
}
