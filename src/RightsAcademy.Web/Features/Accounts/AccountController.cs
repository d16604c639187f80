using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Accounts;

[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IStringLocalizer<SharedResource> t,
    IOptions<AccountOptions> accountOptions,
    IOptions<IdentityOptions> identityOptions,
    SignInThrottle throttle) : Controller
{
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? RedirectToLocal(returnUrl) : View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // Counted whether or not the account exists, so the answer reveals nothing about it.
        if (!throttle.TryAttempt(form.Email))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return RedirectToLocal(form.ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactorController.SignInCode), "TwoFactor",
                new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null });
        }

        // One message for unknown e-mail, wrong password and lockout: none of them may reveal that an account exists.
        var lockout = identityOptions.Value.Lockout;
        ModelState.AddModelError(string.Empty,
            t["SignIn.Failed", lockout.MaxFailedAccessAttempts, (int)lockout.DefaultLockoutTimeSpan.TotalMinutes]);
        return View(form);
    }

    [Authorize(Policy = Policies.SignedIn)]
    [AllowedWithoutTwoFactor]
    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Message("AccessDenied.Title", "AccessDenied.Text", "/dashboard", "Nav.Dashboard");
    }

    [AllowAnonymous]
    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] AccountMails mails, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Action(nameof(ResetPassword), null, new { userId = user.Id, code = AccountLinks.EncodeToken(token) }, Request.Scheme)!;
            await mails.SendPasswordResetAsync(user, link, cancellationToken);
        }

        // The same answer whether or not the address has an account.
        return Message("ForgotPassword.SentTitle", "ForgotPassword.SentText");
    }

    [AllowAnonymous]
    [HttpGet("reset-password")]
    public IActionResult ResetPassword(Guid userId, string? code) =>
        View(new ResetPasswordForm { UserId = userId, Code = code ?? "" });

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByIdAsync(form.UserId.ToString());
        var token = AccountLinks.DecodeToken(form.Code);
        var result = user is null || token is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result, nameof(form.NewPassword));
            return View(form);
        }

        // A reset proves control of the mailbox: lift any lockout so the user can sign in now.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        return Message("ResetPassword.DoneTitle", "ResetPassword.DoneText", "/account/sign-in", "Nav.SignIn");
    }

    [AllowAnonymous]
    [HttpGet("accept-invitation")]
    public async Task<IActionResult> AcceptInvitation(Guid userId, string? code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.HasPasswordAsync(user))
        {
            return Message("Invitation.InvalidTitle", "Invitation.InvalidText", "/account/sign-in", "Nav.SignIn");
        }

        return View(new AcceptInvitationForm { UserId = userId, Code = code ?? "", DisplayName = user.DisplayName });
    }

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("accept-invitation")]
    public async Task<IActionResult> AcceptInvitation(AcceptInvitationForm form)
    {
        var user = await users.FindByIdAsync(form.UserId.ToString());
        var token = AccountLinks.DecodeToken(form.Code);
        if (user is null || token is null || await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, InviteUser.Handler.TokenPurpose, token))
        {
            return Message("Invitation.InvalidTitle", "Invitation.InvalidText", "/account/sign-in", "Nav.SignIn");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        user.DisplayName = form.DisplayName.Trim();
        user.EmailConfirmed = true;
        user.InvitedUtc = null;
        var result = await users.AddPasswordAsync(user, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result, nameof(form.NewPassword));
            return View(form);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToAction("Index", "Dashboard");
    }

    [AllowAnonymous]
    [HttpGet("register")]
    public async Task<IActionResult> Register([FromServices] AppDbContext db)
    {
        if (!accountOptions.Value.OpenRegistration)
        {
            return NotFound();
        }

        return View(new RegisterPage(new RegisterForm(), await MunicipalityChoicesAsync(db)));
    }

    [AllowAnonymous]
    [EnableRateLimiting(SignInThrottle.AddressPolicy)]
    [HttpPost("register")]
    public async Task<IActionResult> Register([Bind(Prefix = "Form")] RegisterForm form, [FromServices] AppDbContext db, [FromServices] TimeProvider clock)
    {
        if (!accountOptions.Value.OpenRegistration)
        {
            return NotFound();
        }

        var municipality = form.MunicipalityId is { } id ? await db.Municipalities.FindAsync(id) : null;
        if (municipality is null)
        {
            ModelState.AddModelError("Form.MunicipalityId", t["Validation.Required"]);
        }

        if (!ModelState.IsValid || municipality is null)
        {
            return View(new RegisterPage(form, await MunicipalityChoicesAsync(db)));
        }

        var language = SupportedCultures.IsSupported(System.Globalization.CultureInfo.CurrentUICulture.Name)
            ? System.Globalization.CultureInfo.CurrentUICulture.Name
            : municipality.DefaultLanguage;
        var user = new AppUser
        {
            UserName = form.Email.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName.Trim(),
            MunicipalityId = municipality.Id,
            PreferredLanguage = language,
            TimeZone = municipality.TimeZone,
            CreatedUtc = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, form.NewPassword);
        if (!result.Succeeded)
        {
            // Do not confirm whether the address is taken to someone who is not signed in.
            AddErrors(result, "Form.NewPassword", hideDuplicates: true);
            return View(new RegisterPage(form, await MunicipalityChoicesAsync(db)));
        }

        await users.AddToRoleAsync(user, Roles.Learner);
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToAction("Index", "Dashboard");
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("profile")]
    public async Task<IActionResult> Profile(bool saved = false, bool mailSaved = false)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        var form = new ProfileForm
        {
            DisplayName = user.DisplayName,
            CertificateName = user.CertificateName,
            Department = user.Department,
            Language = user.PreferredLanguage,
            TimeZone = user.TimeZone,
        };
        return View((await ProfilePageAsync(user, form, saved)) with { MailSaved = mailSaved });
    }

    /// <summary>The mail choices: every category ticked is received; the digest choice applies to non-urgent mail.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("mail")]
    public async Task<IActionResult> MailPreferences(List<MailCategory>? receive, DigestMode digest, [FromServices] SetMailPreferences.Handler handler,
        CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        var chosen = (receive ?? []).Where(c => Notifications.MailPreferences.Categories.Contains(c)).ToList();
        var mode = Enum.IsDefined(digest) ? digest : DigestMode.EachMail;
        await handler.HandleAsync(new SetMailPreferences.Command(user.Id, chosen, mode), cancellationToken);
        return Redirect("/account/profile?mailSaved=true#mail");
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("profile")]
    public async Task<IActionResult> Profile([Bind(Prefix = "Form")] ProfileForm form, [FromServices] UpdateProfile.Handler handler)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!SupportedCultures.IsSupported(form.Language))
        {
            ModelState.AddModelError("Form.Language", t["Validation.Invalid"]);
        }

        if (!TimeZoneCatalog.IsKnown(form.TimeZone))
        {
            ModelState.AddModelError("Form.TimeZone", t["Validation.Invalid"]);
        }

        if (!ModelState.IsValid || !await handler.HandleAsync(new UpdateProfile.Command(user.Id, form.DisplayName, form.Department, form.Language, form.TimeZone, form.CertificateName)))
        {
            return View(await ProfilePageAsync(user, form, saved: false));
        }

        return RedirectToAction(nameof(Profile), new { saved = true });
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result, nameof(form.NewPassword));
            return View(form);
        }

        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Profile), new { saved = true });
    }

    private ViewResult Message(string titleKey, string textKey, string? linkUrl = null, string? linkTextKey = null) =>
        View("Message", new MessagePage(t[titleKey], t[textKey], linkUrl, linkTextKey is null ? null : t[linkTextKey].Value));

    private async Task<AppUser?> CurrentUserAsync() => await users.GetUserAsync(User);

    private async Task<ProfilePage> ProfilePageAsync(AppUser user, ProfileForm form, bool saved)
    {
        var roles = await users.GetRolesAsync(user);
        var municipality = await HttpContext.RequestServices.GetRequiredService<AppDbContext>().Municipalities
            .Where(m => m.Id == user.MunicipalityId).Select(m => m.Name).SingleAsync();
        var mail = await HttpContext.RequestServices.GetRequiredService<Notifier>().PreferencesAsync(user.Id, HttpContext.RequestAborted);
        return new ProfilePage(form, user.Email!, municipality, [.. roles.Select(r => t[$"Role.{r}"].Value)],
            SelectLists.Languages(form.Language), SelectLists.TimeZones(form.TimeZone), saved, mail);
    }

    private static async Task<IEnumerable<SelectListItem>> MunicipalityChoicesAsync(AppDbContext db) =>
        (await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync())
        .Select(m => new SelectListItem(m.Name, m.Id.ToString()));

    private void AddErrors(IdentityResult result, string field, bool hideDuplicates = false)
    {
        foreach (var error in result.Errors)
        {
            var isDuplicate = error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);
            if (hideDuplicates && isDuplicate)
            {
                ModelState.AddModelError(string.Empty, t["Register.NotPossible"]);
                continue;
            }

            var key = error.Code.StartsWith("Password", StringComparison.Ordinal) ? field : string.Empty;
            ModelState.AddModelError(key, error.Description);
        }
    }

    private IActionResult RedirectToLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl)
            ? LocalRedirect(returnUrl)
            : RedirectToAction("Index", "Dashboard");
}
