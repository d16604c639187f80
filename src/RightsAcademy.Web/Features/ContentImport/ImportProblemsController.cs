using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.ContentImport;

/// <summary>Trainers (and admins) see why a course did not import without access to the server's logs.</summary>
[Authorize(Policy = Policies.Trainer)]
[Route("author/import-problems")]
public sealed class ImportProblemsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListImportProblems.Handler handler, CancellationToken cancellationToken) =>
        View("ImportProblems", await handler.HandleAsync(cancellationToken));
}
