using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// RFC 8058 one-click unsubscribe. Both actions are deliberately anonymous: the signed token in the address is the
/// only credential (it names one person and one category and can do nothing but stop that mail). GET only shows a
/// confirmation button, because mail scanners and link previews fetch links; POST stops the category.
/// </summary>
[Route("unsubscribe/{token}")]
public sealed class UnsubscribeController : Controller
{
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Confirm(string token, [FromServices] UnsubscribeTokens tokens)
    {
        var claim = tokens.Read(token);
        if (claim is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Invalid");
        }

        return View(new UnsubscribePage(token, claim.Category, Done: false));
    }

    /// <summary>
    /// The one unsafe action without an antiforgery token, on purpose: mailbox providers POST
    /// <c>List-Unsubscribe=One-Click</c> here without any session or form (RFC 8058 §3.2), and the token in the
    /// path already proves the request comes from the mail. A forged cross-site POST would need that token, and
    /// could only stop a mail its owner can turn back on in the profile.
    /// </summary>
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [HttpPost]
    public async Task<IActionResult> Stop(string token, [FromServices] Unsubscribe.Handler handler, CancellationToken cancellationToken)
    {
        var claim = await handler.HandleAsync(token, cancellationToken);
        if (claim is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Invalid");
        }

        return View("Confirm", new UnsubscribePage(token, claim.Category, Done: true));
    }
}

public sealed record UnsubscribePage(string Token, MailCategory Category, bool Done);
