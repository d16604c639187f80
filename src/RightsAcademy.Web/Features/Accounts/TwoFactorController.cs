using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238), open to everyone and required for admins: set-up
/// with a QR code or a typed key, ten single-use recovery codes, and the second step of signing in.
/// </summary>
[Route("account")]
public sealed class TwoFactorController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    SignInThrottle throttle,
    AuthenticatorCodeOutcome codeOutcome,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const int RecoveryCodeCount = 10;

    [Authorize(Policy = Policies.SignedIn)]
    [AllowedWithoutTwoFactor]
    [HttpGet("two-factor")]
    public async Task<IActionResult> Settings(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return View(await PageAsync(user, new TwoFactorCodeForm { ReturnUrl = returnUrl }));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [AllowedWithoutTwoFactor]
    [HttpPost("two-factor")]
    public async Task<IActionResult> Enable([Bind(Prefix = "Form")] TwoFactorCodeForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Settings));
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalise(form.Code)))
        {
            ModelState.AddModelError("Form.Code", WrongCodeText());
        }

        if (!ModelState.IsValid)
        {
            return View("Settings", await PageAsync(user, form));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // The code just typed proves the second factor: this session counts as a two-step sign-in from now on.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor)]);
        ViewData["ReturnUrl"] = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null;
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []]));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(Settings));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []]));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Admins must keep it: turning it off would only send them back to the set-up.
        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return RedirectToAction(nameof(Settings));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone. Its codes' steps mean nothing for the new key.
        user.LastAuthenticatorTimeStep = null;
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Settings));
    }

    [AllowAnonymous]
    [HttpGet("sign-in/two-factor")]
    public async Task<IActionResult> SignInCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction("SignIn", "Account", new { returnUrl })
            : View(new TwoFactorCodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("sign-in/two-factor")]
    public async Task<IActionResult> SignInCode(TwoFactorCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction("SignIn", "Account", new { returnUrl = form.ReturnUrl });
        }

        if (!throttle.TryAttempt(user.Id.ToString()))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Normalise(form.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return RedirectToLocal(form.ReturnUrl);
        }

        ModelState.AddModelError(nameof(form.Code), WrongCodeText());
        return View(form);
    }

    [AllowAnonymous]
    [HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> SignInRecovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction("SignIn", "Account", new { returnUrl })
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("sign-in/recovery-code")]
    public async Task<IActionResult> SignInRecovery(RecoveryCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction("SignIn", "Account", new { returnUrl = form.ReturnUrl });
        }

        if (!throttle.TryAttempt(user.Id.ToString()))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            return RedirectToLocal(form.ReturnUrl);
        }

        ModelState.AddModelError(nameof(form.RecoveryCode), t["TwoFactor.WrongRecoveryCode"]);
        return View(form);
    }

    private async Task<TwoFactorPage> PageAsync(AppUser user, TwoFactorCodeForm form)
    {
        var required = await users.IsInRoleAsync(user, Roles.Admin);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorPage(true, required, await users.CountRecoveryCodesAsync(user), null, null, form);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key changed the security stamp: keep this session valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        var uri = AuthenticatorKey.OtpAuthUri(user.Email ?? user.UserName ?? user.Id.ToString(), key);
        return new TwoFactorPage(false, required, 0, AuthenticatorKey.Readable(key), AuthenticatorKey.QrCodeDataUri(uri), form);
    }

    // A replayed code is right but spent: say so, or the person would think the app is wrong.
    private string WrongCodeText() => codeOutcome.Replayed ? t["TwoFactor.CodeAlreadyUsed"] : t["TwoFactor.WrongCode"];

    // Apps show "123 456"; people type what they see.
    private static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToAction("Index", "Dashboard");
}
