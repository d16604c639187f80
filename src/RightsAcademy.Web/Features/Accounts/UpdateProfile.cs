using Microsoft.AspNetCore.Identity;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Features.Accounts;

public static class UpdateProfile
{
    /// <param name="CertificateName">Empty or null: certificates use the display name.</param>
    public sealed record Command(Guid UserId, string DisplayName, string? Department, string Language, string TimeZone, string? CertificateName = null);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, CertificateJobs certificates)
    {
        public async Task<bool> HandleAsync(Command command)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null)
            {
                return false;
            }

            var nameBefore = user.NameOnCertificates;
            user.DisplayName = command.DisplayName.Trim();
            user.CertificateName = string.IsNullOrWhiteSpace(command.CertificateName) ? null : command.CertificateName.Trim();
            user.Department = string.IsNullOrWhiteSpace(command.Department) ? null : command.Department.Trim();
            user.PreferredLanguage = command.Language;
            user.TimeZone = command.TimeZone;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                // The cookie carries name, language and time zone: reissue it so the next page uses the new ones.
                await signIn.RefreshSignInAsync(user);
                if (user.NameOnCertificates != nameBefore)
                {
                    // A corrected name replaces the current certificates (the recurring sweep also notices).
                    certificates.RequestNameCorrection(user.Id);
                }
            }

            return result.Succeeded;
        }

        public async Task<bool> ChangeLanguageAsync(Guid userId, string language)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return false;
            }

            user.PreferredLanguage = language;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
            }

            return result.Succeeded;
        }
    }
}
