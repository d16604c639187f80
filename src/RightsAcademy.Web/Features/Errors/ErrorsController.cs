using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Errors;

/// <summary>Friendly, localised pages for failures and status codes; never a stack trace.</summary>
[AllowAnonymous]
[Route("error")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>Seconds a client should wait while the database is unreachable; a restart usually takes less.</summary>
    public const int DatabaseRetryAfterSeconds = 30;

    [Route("")]
    public IActionResult ServerError()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (!DatabaseFailures.IsUnavailable(failure))
        {
            return ErrorPage(StatusCodes.Status500InternalServerError);
        }

        Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.CacheControl = "no-store";
        // A form that failed here was not saved: say so, rather than let "nothing you saved is lost" suggest it was.
        return ErrorPage(StatusCodes.Status503ServiceUnavailable, notSaved: !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method));
    }

    [Route("{code:int}")]
    public IActionResult Status(int code) => ErrorPage(code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError);

    private ViewResult ErrorPage(int code, bool notSaved = false)
    {
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code, notSaved));
    }
}

/// <summary>What the error page shows: the status, and whether the request that failed was a submission now lost.</summary>
public sealed record ErrorPage(int StatusCode, bool SubmissionNotSaved);
