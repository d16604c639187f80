using Microsoft.AspNetCore.Identity;

namespace RightsAcademy.Web.Features.Accounts;

public static class UpdateProfile
{
    public sealed record Command(Guid UserId, string DisplayName, string? Department, string Language, string TimeZone);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        public async Task<bool> HandleAsync(Command command)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null)
            {
                return false;
            }

            user.DisplayName = command.DisplayName.Trim();
            user.Department = string.IsNullOrWhiteSpace(command.Department) ? null : command.Department.Trim();
            user.PreferredLanguage = command.Language;
            user.TimeZone = command.TimeZone;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                // The cookie carries name, language and time zone: reissue it so the next page uses the new ones.
                await signIn.RefreshSignInAsync(user);
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
