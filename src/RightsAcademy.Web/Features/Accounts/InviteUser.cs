using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// An admin invites anyone with any role; a coordinator invites learners and trainers of their own municipality.
/// The account exists at once (so a second invitation to the same address is refused) and gets its password
/// when the invitation link is used. The invitation mail is written in the same transaction as the account: no
/// account without its mail, no mail for an account that was not created.
/// </summary>
public static class InviteUser
{
    public sealed record Command(string Email, string DisplayName, Guid MunicipalityId, string Role, string Language, string TimeZone);

    public enum Outcome { Invited, EmailTaken, MunicipalityNotAllowed, RoleNotAllowed }

    public sealed record Result(Outcome Outcome, AppUser? User);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AccountMails mails, TimeProvider clock)
    {
        public static readonly IReadOnlyList<string> CoordinatorMayGrant = [Roles.Learner, Roles.Trainer];

        public const string TokenPurpose = "Invitation";

        /// <param name="acceptLink">The absolute link to accept the invitation, from the user's id and encoded token.</param>
        public async Task<Result> HandleAsync(Command command, ClaimsPrincipal inviter, Func<Guid, string, string> acceptLink,
            CancellationToken cancellationToken)
        {
            var isAdmin = inviter.IsInRole(Roles.Admin);
            if (!isAdmin && inviter.MunicipalityId() != command.MunicipalityId)
            {
                return new Result(Outcome.MunicipalityNotAllowed, null);
            }

            if (!Roles.All.Contains(command.Role) || (!isAdmin && !CoordinatorMayGrant.Contains(command.Role)))
            {
                return new Result(Outcome.RoleNotAllowed, null);
            }

            if (!await db.Municipalities.AnyAsync(m => m.Id == command.MunicipalityId, cancellationToken))
            {
                return new Result(Outcome.MunicipalityNotAllowed, null);
            }

            if (await users.FindByEmailAsync(command.Email) is not null)
            {
                return new Result(Outcome.EmailTaken, null);
            }

            var user = new AppUser
            {
                UserName = command.Email,
                Email = command.Email,
                DisplayName = command.DisplayName,
                MunicipalityId = command.MunicipalityId,
                PreferredLanguage = command.Language,
                TimeZone = command.TimeZone,
                CreatedUtc = clock.GetUtcNow(),
                InvitedUtc = clock.GetUtcNow(),
                FirstInvitedUtc = clock.GetUtcNow(),
            };

            // The user, the role and the invitation mail land together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new Result(Outcome.EmailTaken, null);
            }

            await users.AddToRoleAsync(user, command.Role);
            var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, TokenPurpose);
            await mails.SendInvitationAsync(user, inviter.Find(AppClaims.DisplayName) ?? "", acceptLink(user.Id, AccountLinks.EncodeToken(token)),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(Outcome.Invited, user);
        }
    }
}
