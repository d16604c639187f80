using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.PersonalData;

/// <summary>
/// Deletes a person's account (GDPR art. 17) in one transaction. What identifies them is erased: name, e-mail,
/// password, department, roles, logins and two-step keys, cohort places, session answers, calendar feeds, course
/// ownerships, mail preferences, digest items and the mail addressed to them. What the platform must keep stays,
/// unlinked from any identity: the user row becomes an anonymous placeholder (municipality and dates only) so
/// progress, quiz answers and attendance still count in reports; certificates keep the snapshot they certified so
/// /verify/{code} still answers for whoever holds one. Sessions, cohorts and practices the person created stay
/// (they belong to the municipality), but a practice's contact line that names them or gives their address is
/// emptied.
/// </summary>
public static class DeleteAccount
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<bool> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.DeletedUtc == null, cancellationToken);
            if (user is null)
            {
                return false;
            }

            var email = user.Email;
            var name = user.DisplayName;
            var now = clock.GetUtcNow();
            var placeholder = $"deleted-{user.Id:N}";
            user.UserName = placeholder;
            user.NormalizedUserName = placeholder.ToUpperInvariant();
            user.Email = null;
            user.NormalizedEmail = null;
            user.EmailConfirmed = false;
            user.PasswordHash = null;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.TwoFactorEnabled = false;
            // A new stamp ends every session and makes every token issued for the account (reset, invitation) invalid.
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.AccessFailedCount = 0;
            user.DisplayName = "";
            user.CertificateName = null;
            user.Department = null;
            user.PreferredLanguage = "en";
            user.TimeZone = "UTC";
            user.InvitedUtc = null;
            user.DeletedUtc = now;
            await db.SaveChangesAsync(cancellationToken);

            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            // Lists that show people by name (rosters, waitlists, session answers) must not show an empty row.
            await db.CohortMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.CohortStaff.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.SessionRsvps.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.ExchangeSessionFacilitators.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.CourseOwners.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.MailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.DigestItems.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            if (!string.IsNullOrEmpty(email))
            {
                // Their mail (with attachments, by cascade) holds their address, name and links made for them.
                await db.OutboxMessages.Where(m => EF.Functions.ILike(m.ToAddress, MailAddressPattern.Exactly(email))).ExecuteDeleteAsync(cancellationToken);
            }

            await ForgetPracticeContactsAsync(email, name, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        // A practice's contact is free text ("Ask Ana Lima, ana@city.example"), usually about its author: kept, it
        // would publish the deleted person's name and address to every municipality. The line is emptied rather
        // than edited, since what is left of "Ask , " helps nobody. Names shorter than three letters would match
        // far too much to be a sign of this person.
        private async Task ForgetPracticeContactsAsync(string? email, string name, CancellationToken cancellationToken)
        {
            var patterns = new List<string>();
            if (!string.IsNullOrEmpty(email))
            {
                patterns.Add($"%{MailAddressPattern.Exactly(email)}%");
            }

            if (name.Trim().Length >= 3)
            {
                patterns.Add($"%{MailAddressPattern.Exactly(name.Trim())}%");
            }

            foreach (var pattern in patterns)
            {
                await db.Practices.Where(p => EF.Functions.ILike(p.Contact, pattern))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Contact, ""), cancellationToken);
            }
        }
    }
}
