using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Cancels a session: it stays (answers, the calendar entry's UID) so calendars receive METHOD:CANCEL for the same
/// entry with a raised SEQUENCE; the reminder seam drops pending reminders after the commit. Cancelling twice
/// changes nothing the second time.
/// </summary>
public static class CancelSession
{
    public sealed class Handler(AppDbContext db, ISessionReminders reminders, TimeProvider clock)
    {
        public async Task<bool> HandleAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var session = await db.ManageableSessions(user).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null)
            {
                return false;
            }

            if (session.CancelledUtc is not null)
            {
                return true;
            }

            var now = clock.GetUtcNow();
            session.CancelledUtc = now;
            session.UpdatedUtc = now;
            session.Sequence++;
            await db.SaveChangesAsync(cancellationToken);
            await reminders.SessionChangedAsync(session.Id, cancellationToken);
            return true;
        }
    }
}
