using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>Stops one category for one person, from a signed unsubscribe token; other categories are untouched.</summary>
public static class Unsubscribe
{
    public sealed class Handler(AppDbContext db, UnsubscribeTokens tokens, TimeProvider clock)
    {
        public async Task<UnsubscribeTokens.Claim?> HandleAsync(string token, CancellationToken cancellationToken)
        {
            var claim = tokens.Read(token);
            if (claim is null || !await db.Users.AnyAsync(u => u.Id == claim.UserId, cancellationToken))
            {
                return null;
            }

            // One statement, OR-ing the flag in: two clicks, or a click racing a profile save, both keep every stop.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MailPreferences" ("UserId", "Stopped", "Digest", "UpdatedUtc")
                VALUES ({claim.UserId}, {(int)claim.Category}, {nameof(DigestMode.EachMail)}, {clock.GetUtcNow()})
                ON CONFLICT ("UserId") DO UPDATE SET "Stopped" = "MailPreferences"."Stopped" | EXCLUDED."Stopped",
                    "UpdatedUtc" = EXCLUDED."UpdatedUtc"
                """, cancellationToken);
            return claim;
        }
    }
}

/// <summary>The profile's mail choices: which categories to receive and how non-urgent mail arrives.</summary>
public static class SetMailPreferences
{
    public sealed record Command(Guid UserId, IReadOnlyCollection<MailCategory> Receive, DigestMode Digest);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var stopped = MailPreferences.Categories.Where(c => !command.Receive.Contains(c)).Aggregate(MailCategory.None, (all, c) => all | c);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "MailPreferences" ("UserId", "Stopped", "Digest", "UpdatedUtc")
                VALUES ({command.UserId}, {(int)stopped}, {command.Digest.ToString()}, {clock.GetUtcNow()})
                ON CONFLICT ("UserId") DO UPDATE SET "Stopped" = EXCLUDED."Stopped", "Digest" = EXCLUDED."Digest", "UpdatedUtc" = EXCLUDED."UpdatedUtc"
                """, cancellationToken);
        }
    }
}
