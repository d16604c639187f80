using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.PersonalData;

/// <summary>A person's own data: download all of it, or delete the account. Only ever the signed-in person's.</summary>
[Authorize(Policy = Policies.SignedIn)]
[Route("account/data")]
public sealed class PersonalDataController(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new PersonalDataPage(new DeleteAccountForm()));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromServices] ExportPersonalData.Handler handler, CancellationToken cancellationToken)
    {
        var document = User.UserId() is { } id ? await handler.HandleAsync(id, cancellationToken) : null;
        if (document is null)
        {
            return Challenge();
        }

        // Personal data must not linger in shared caches.
        Response.Headers.CacheControl = "no-store";
        return File(document, "application/json; charset=utf-8", "rightsacademy-my-data.json");
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete([Bind(Prefix = "Form")] DeleteAccountForm form, [FromServices] DeleteAccount.Handler handler,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // The password again, so an unattended signed-in browser cannot delete the account.
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError("Form.Password", t["PersonalData.Delete.WrongPassword"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Index", new PersonalDataPage(form with { Password = "" }));
        }

        await handler.HandleAsync(user.Id, cancellationToken);
        await signIn.SignOutAsync();
        return View("Message", new MessagePage(t["PersonalData.Deleted.Title"], t["PersonalData.Deleted.Text"], "/", t["PersonalData.Deleted.Home"]));
    }
}
