using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Every 30 minutes a sign-in cookie is checked against the account's security stamp, in the database. While PostgreSQL
/// is down that check throws inside the authentication middleware, before any page, and again when the error page is
/// rendered: the person would get a bare 500 instead of the friendly 503. Here the check is put off instead: the cookie
/// stays as it is and is checked on the next request. Nothing is granted meanwhile: every page with data needs the
/// database too, and answers 503 until it is back.
/// </summary>
internal sealed class OutageTolerantSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await base.ValidateAsync(context);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // Not validated, so not renewed: the next request checks again.
        }
    }
}
