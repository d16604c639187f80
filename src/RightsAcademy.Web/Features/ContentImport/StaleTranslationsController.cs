using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.ContentImport;

[Authorize(Policy = Policies.Trainer)]
[Route("author/stale-translations")]
public sealed class StaleTranslationsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListStaleTranslations.Handler handler, CancellationToken cancellationToken) =>
        View("StaleTranslations", await handler.HandleAsync(cancellationToken));
}
