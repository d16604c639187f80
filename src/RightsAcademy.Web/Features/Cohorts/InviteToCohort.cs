using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Adds a person by e-mail. An existing account becomes a member (or waits for a place); an unknown address is
/// invited through <see cref="InviteUser"/> (same rules, same mail, a learner account) and then added.
/// </summary>
public static class InviteToCohort
{
    public enum Outcome { Added, Waitlisted, AlreadyMember, Invited, NeedsNewAccountDetails, MunicipalityNotInCohort, InviteRefused, NotFound }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, InviteUser.Handler invite, CohortSeats seats)
    {
        public async Task<Outcome> HandleAsync(Guid cohortId, InviteMemberForm form, ClaimsPrincipal inviter, Func<Guid, string, string> acceptLink,
            CancellationToken cancellationToken)
        {
            var cohort = await db.Manageable(inviter).Where(c => c.Id == cohortId)
                .Select(c => new { c.Id, Municipalities = c.Municipalities.Select(m => m.MunicipalityId).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return Outcome.NotFound;
            }

            var email = form.Email.Trim();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                if (string.IsNullOrWhiteSpace(form.DisplayName) || form.MunicipalityId is null || !SupportedCultures.IsSupported(form.Language))
                {
                    return Outcome.NeedsNewAccountDetails;
                }

                if (!cohort.Municipalities.Contains(form.MunicipalityId.Value))
                {
                    return Outcome.MunicipalityNotInCohort;
                }

                var timeZone = await db.Municipalities.Where(m => m.Id == form.MunicipalityId).Select(m => m.TimeZone).SingleAsync(cancellationToken);
                var invited = await invite.HandleAsync(
                    new InviteUser.Command(email, form.DisplayName.Trim(), form.MunicipalityId.Value, Roles.Learner, form.Language, timeZone),
                    inviter, acceptLink, cancellationToken);
                if (invited.Outcome != InviteUser.Outcome.Invited)
                {
                    return Outcome.InviteRefused;
                }

                user = invited.User!;
            }

            // InviteUser commits its own transaction; the place is taken in a second one. Should that fail, the
            // invitation stands and inviting the same address again adds the (now existing) account.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var added = await seats.AddAsync(cohortId, user.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return added switch
            {
                CohortSeats.Outcome.Joined => user.InvitedUtc is null ? Outcome.Added : Outcome.Invited,
                CohortSeats.Outcome.Waitlisted => Outcome.Waitlisted,
                _ => Outcome.AlreadyMember,
            };
        }
    }
}
