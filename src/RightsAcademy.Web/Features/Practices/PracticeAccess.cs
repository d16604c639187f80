using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Practices;

/// <summary>
/// Who may publish the practice a municipality presented at a session: the session's facilitators and the people
/// who run it (for any presenting municipality), and coordinators of a presenting municipality (for their own).
/// </summary>
public static class PracticeAccess
{
    public static async Task<IReadOnlyList<Guid>> PublishableMunicipalitiesAsync(AppDbContext db, ClaimsPrincipal user, Guid sessionId,
        CancellationToken cancellationToken)
    {
        var presenting = await db.VisibleSessions(user).Where(s => s.Id == sessionId)
            .SelectMany(s => s.PresentingMunicipalities.Select(m => m.MunicipalityId)).ToListAsync(cancellationToken);
        if (presenting.Count == 0)
        {
            return [];
        }

        if (await db.RecordableSessions(user).AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            return presenting;
        }

        return user.IsInRole(Roles.Coordinator) && user.MunicipalityId() is { } own && presenting.Contains(own) ? [own] : [];
    }

    public static async Task<bool> CanPublishAsync(AppDbContext db, ClaimsPrincipal user, Guid sessionId, CancellationToken cancellationToken) =>
        (await PublishableMunicipalitiesAsync(db, user, sessionId, cancellationToken)).Count > 0;
}
