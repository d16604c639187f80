using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Personal calendar feeds. The token is 256 random bits, shown once when created; only its SHA-256 is stored,
/// so a leaked database does not open anyone's calendar. A person has at most one live feed: creating a new one
/// revokes the old address, and revoking stops it at once.
/// </summary>
public sealed class CalendarFeeds(AppDbContext db, TimeProvider clock)
{
    public sealed record Status(bool Active, DateTimeOffset? CreatedUtc);

    public async Task<Status> StatusAsync(Guid userId, CancellationToken cancellationToken)
    {
        var created = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedUtc == null)
            .Select(f => (DateTimeOffset?)f.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        return new Status(created is not null, created);
    }

    /// <summary>Revokes any live feed and returns the token of a new one.</summary>
    public async Task<string> CreateAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RevokeAsync(userId, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = Hash(token), CreatedUtc = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    public async Task RevokeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedUtc, now), cancellationToken);
    }

    /// <summary>The .ics of the feed's owner (sessions they answered yes or maybe to), or null for an unknown or revoked token.</summary>
    public async Task<string?> FeedAsync(string token, string sessionUrlBase, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var userId = await db.CalendarFeeds.Where(f => f.TokenHash == hash && f.RevokedUtc == null).Select(f => (Guid?)f.UserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }

        var sessions = await db.VisibleSessions(userId).AsNoTracking()
            .Where(s => db.SessionRsvps.Any(r => r.SessionId == s.Id && r.UserId == userId && (r.Answer == RsvpAnswer.Yes || r.Answer == RsvpAnswer.Maybe)))
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        return SessionCalendar.Write([.. sessions.Select(s => SessionEntries.For(s, sessionUrlBase))]);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A stored session as a calendar entry.</summary>
public static class SessionEntries
{
    public static SessionCalendar.Entry For(ExchangeSession s, string sessionUrlBase)
    {
        var link = s.MeetingUrl is null ? null : new Uri(s.MeetingUrl);
        var description = $"{s.AgendaMarkdown}\n\n{sessionUrlBase}/sessions/{s.Id}".Trim();
        return new SessionCalendar.Entry(s.Id, s.Sequence, s.Title, description, s.StartUtc, s.Duration, s.HostTimeZone, s.Venue, link,
            s.CancelledUtc is not null, s.UpdatedUtc);
    }
}
