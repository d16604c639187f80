using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Accounts;

internal sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(AppClaims.Language, user.PreferredLanguage));
        identity.AddClaim(new Claim(AppClaims.TimeZone, user.TimeZone));
        identity.AddClaim(new Claim(AppClaims.Municipality, user.MunicipalityId.ToString()));
        return identity;
    }
}
