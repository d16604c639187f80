using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace RightsAcademy.Web.Features.Errors;

/// <summary>Friendly, localised pages for failures and status codes; never a stack trace.</summary>
[AllowAnonymous]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("")]
    public IActionResult ServerError() => ErrorPage(StatusCodes.Status500InternalServerError);

    [Route("{code:int}")]
    public IActionResult Status(int code) => ErrorPage(code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError);

    private ViewResult ErrorPage(int code)
    {
        Response.StatusCode = code;
        return View("Error", code);
    }
}
