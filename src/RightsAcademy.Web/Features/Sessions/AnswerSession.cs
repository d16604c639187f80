using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// A participant answers yes, no or maybe. A yes beyond capacity goes on the waitlist (keeping its place if the
/// person was already waiting); a yes given up frees the place for the first person waiting.
/// </summary>
public static class AnswerSession
{
    public enum Outcome { Yes, No, Maybe, Waitlisted, NotFound, Closed }

    public sealed class Handler(AppDbContext db, SessionSeats seats, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Guid sessionId, RsvpAnswer answer, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (answer == RsvpAnswer.Waitlisted || !Enum.IsDefined(answer))
            {
                return Outcome.NotFound;
            }

            var userId = user.UserId()!.Value;
            var session = await db.VisibleSessions(user).AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.CancelledUtc, s.StartUtc, s.Duration }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return Outcome.NotFound;
            }

            var now = clock.GetUtcNow();
            if (session.CancelledUtc is not null || session.StartUtc + session.Duration < now)
            {
                return Outcome.Closed;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await seats.LockAsync(sessionId, cancellationToken);
            var rsvp = await db.SessionRsvps.SingleOrDefaultAsync(r => r.SessionId == sessionId && r.UserId == userId, cancellationToken);
            var before = rsvp?.Answer;
            if (rsvp is null)
            {
                rsvp = new SessionRsvp { SessionId = sessionId, UserId = userId, AnsweredUtc = now };
                db.SessionRsvps.Add(rsvp);
            }

            var result = answer;
            if (answer == RsvpAnswer.Yes && before is not (RsvpAnswer.Yes or RsvpAnswer.Waitlisted))
            {
                var capacity = await db.ExchangeSessions.Where(s => s.Id == sessionId).Select(s => s.Capacity).SingleAsync(cancellationToken);
                var taken = await db.SessionRsvps.CountAsync(r => r.SessionId == sessionId && r.Answer == RsvpAnswer.Yes, cancellationToken);
                result = taken < capacity ? RsvpAnswer.Yes : RsvpAnswer.Waitlisted;
                // The waitlist is served in the order people asked for a place, not when they first answered.
                rsvp.AnsweredUtc = now;
            }
            else if (answer == RsvpAnswer.Yes)
            {
                result = before!.Value;
            }

            rsvp.Answer = result;
            rsvp.UpdatedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            if (before == RsvpAnswer.Yes && result != RsvpAnswer.Yes)
            {
                await seats.PromoteAsync(sessionId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return Enum.Parse<Outcome>(result.ToString());
        }
    }
}
