using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>A member chooses whether the other members see their e-mail address (off by default).</summary>
public static class ShareEmail
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<bool> HandleAsync(Guid cohortId, Guid userId, bool share, CancellationToken cancellationToken) =>
            await db.CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == userId && m.Status == CohortMemberStatus.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ShareEmail, share), cancellationToken) == 1;
    }
}
