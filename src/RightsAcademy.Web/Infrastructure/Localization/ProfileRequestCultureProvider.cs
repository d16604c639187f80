using Microsoft.AspNetCore.Localization;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Infrastructure.Localization;

/// <summary>The signed-in user's profile language wins over the browser's; it travels in the sign-in cookie.</summary>
internal sealed class ProfileRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.Find(AppClaims.Language);
        return Task.FromResult(SupportedCultures.IsSupported(language)
            ? new ProviderCultureResult(language)
            : null);
    }
}
