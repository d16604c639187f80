using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Outbox;

/// <summary>
/// Admins see every mail the site wrote and what became of it, read it as it was (or would be) sent, and resend
/// mail that did not go out. Mail holds live invitation and reset links: admins only.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/outbox")]
public sealed class OutboxController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxStatus? status, [FromServices] ListOutbox.Handler handler, CancellationToken cancellationToken,
        int page = 1) =>
        View(await handler.HandleAsync(new ListOutbox.Query(status, page), cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, ResendOutboxMessage.Outcome? notice, [FromServices] ShowOutboxMessage.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } mail ? View(new OutboxDetailPage(mail, notice)) : NotFound();

    [HttpPost("{id:guid}/resend")]
    public async Task<IActionResult> Resend(Guid id, [FromServices] ResendOutboxMessage.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, cancellationToken);
        // Post/redirect/get: reloading the page after a resend does not post it again.
        return outcome == ResendOutboxMessage.Outcome.NotFound ? NotFound() : RedirectToAction(nameof(Detail), new { id, notice = outcome });
    }
}

public sealed record OutboxDetailPage(ShowOutboxMessage.Mail Mail, ResendOutboxMessage.Outcome? Notice);
