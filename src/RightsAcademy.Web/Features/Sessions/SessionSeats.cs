using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Places at a session. Every change of answers locks the session row first, so two people taking the last place
/// at once cannot both get it, and the waitlist is served strictly in the order people asked.
/// Call inside a transaction.
/// </summary>
public sealed class SessionSeats(AppDbContext db)
{
    public async Task LockAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "ExchangeSessions" WHERE "Id" = {sessionId} FOR UPDATE""", cancellationToken);

    /// <summary>Gives free places to the waitlist, oldest request first. Returns the people promoted.</summary>
    public async Task<IReadOnlyList<Guid>> PromoteAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var capacity = await db.ExchangeSessions.Where(s => s.Id == sessionId).Select(s => s.Capacity).SingleAsync(cancellationToken);
        var taken = await db.SessionRsvps.CountAsync(r => r.SessionId == sessionId && r.Answer == RsvpAnswer.Yes, cancellationToken);
        if (taken >= capacity)
        {
            return [];
        }

        var next = await db.SessionRsvps.Where(r => r.SessionId == sessionId && r.Answer == RsvpAnswer.Waitlisted)
            .OrderBy(r => r.AnsweredUtc).ThenBy(r => r.Id).Take(capacity - taken).ToListAsync(cancellationToken);
        foreach (var rsvp in next)
        {
            rsvp.Answer = RsvpAnswer.Yes;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. next.Select(r => r.UserId)];
    }
}
