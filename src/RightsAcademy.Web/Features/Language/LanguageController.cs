using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Language;

/// <summary>The language switcher on every page: a plain form, so it works without JavaScript.</summary>
[AllowAnonymous]
[Route("language")]
public sealed class LanguageController : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Change(string? culture, string? returnUrl, [FromServices] UpdateProfile.Handler profiles)
    {
        if (!SupportedCultures.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });

        // For a signed-in user the profile is the source of truth: a choice made here is remembered everywhere.
        if (User.UserId() is { } userId)
        {
            await profiles.ChangeLanguageAsync(userId, culture!);
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
