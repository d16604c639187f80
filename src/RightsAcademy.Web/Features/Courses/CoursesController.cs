using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Courses;

[Route("courses")]
public sealed class CoursesController : Controller
{
    private const int MaxQuizFields = 500;

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Catalog(string? theme, string? language, [FromServices] BrowseCatalog.Handler handler, CancellationToken cancellationToken) =>
        View("Catalog", await handler.HandleAsync(new BrowseCatalog.Query(theme, language), cancellationToken));

    [AllowAnonymous]
    [HttpGet("{course}")]
    public async Task<IActionResult> Course(string course, bool enrolFirst, [FromServices] ShowCourse.Handler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(course, User.UserId(), cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["EnrolFirst"] = enrolFirst;
        return View("Course", page);
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("{course}/enrol")]
    public async Task<IActionResult> Enrol(string course, [FromServices] EnrolInCourse.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(course, User.UserId()!.Value, cancellationToken) switch
        {
            EnrolInCourse.Outcome.NotFound => NotFound(),
            EnrolInCourse.Outcome.NotOpen => Forbid(),
            _ => Redirect($"/courses/{course}"),
        };

    /// <summary>Immutable: the content hash is part of the URL, so a changed file has a new address.</summary>
    [AllowAnonymous]
    [HttpGet("{course}/assets/{hash}/{**path}")]
    public async Task<IActionResult> Asset(string course, string hash, string path, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        var fullPath = $"assets/{path}";
        var asset = await db.CourseAssets.AsNoTracking()
            .Where(a => a.Path == fullPath && db.Courses.Any(c => c.Id == a.CourseId && c.Slug == course))
            .Select(a => new { a.Bytes, a.ContentType, a.ContentHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (asset is null || !asset.ContentHash.StartsWith(hash, StringComparison.Ordinal))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var isImage = asset.ContentType.StartsWith("image/", StringComparison.Ordinal);
        return isImage
            ? File(asset.Bytes, asset.ContentType)
            : File(asset.Bytes, asset.ContentType, Path.GetFileName(path));
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("{course}/modules/{module}/print")]
    public async Task<IActionResult> PrintModule(string course, string module, [FromServices] PrintModule.Handler handler,
        CancellationToken cancellationToken)
    {
        var (access, page) = await handler.HandleAsync(course, module, User.UserId()!.Value, MayPreview(), cancellationToken);
        return access switch
        {
            Courses.PrintModule.Access.NotFound => NotFound(),
            Courses.PrintModule.Access.NotEnrolled => Redirect($"/courses/{course}?enrolFirst=true"),
            _ => View("PrintModule", page),
        };
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpGet("{course}/{module}/{lesson}")]
    public async Task<IActionResult> Lesson(string course, string module, string lesson, [FromServices] ShowLesson.Handler handler,
        CancellationToken cancellationToken)
    {
        var (access, page) = await handler.HandleAsync(course, module, lesson, User.UserId()!.Value, MayPreview(), cancellationToken);
        return access switch
        {
            ShowLesson.Access.NotFound => NotFound(),
            ShowLesson.Access.NotEnrolled => Redirect($"/courses/{course}?enrolFirst=true"),
            _ => View("Lesson", page),
        };
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("{course}/{module}/{lesson}/complete")]
    public async Task<IActionResult> Complete(string course, string module, string lesson, [FromServices] CompleteLesson.Handler handler,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(course, module, lesson, User.UserId()!.Value, cancellationToken);
        return result.Outcome switch
        {
            CompleteLesson.Outcome.NotFound => NotFound(),
            CompleteLesson.Outcome.NotEnrolled => Redirect($"/courses/{course}?enrolFirst=true"),
            CompleteLesson.Outcome.IsQuiz => BadRequest(),
            _ => Redirect(result.NextUrl!),
        };
    }

    [Authorize(Policy = Policies.SignedIn)]
    [HttpPost("{course}/{module}/{lesson}/quiz")]
    public async Task<IActionResult> Quiz(string course, string module, string lesson, [FromServices] SubmitQuiz.Handler handler,
        CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        if (form.Count > MaxQuizFields)
        {
            return BadRequest();
        }

        // Fields are named q.<question id>; a checkbox question sends several values.
        var answers = form.Keys.Where(k => k.StartsWith("q.", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => (IReadOnlyList<string>)[.. form[k].OfType<string>()], StringComparer.Ordinal);
        var (outcome, result) = await handler.HandleAsync(course, module, lesson, User.UserId()!.Value, answers, cancellationToken);
        return outcome switch
        {
            SubmitQuiz.Outcome.NotFound => NotFound(),
            SubmitQuiz.Outcome.NotAQuiz => BadRequest(),
            SubmitQuiz.Outcome.NotEnrolled => Redirect($"/courses/{course}?enrolFirst=true"),
            _ => View("QuizResult", result),
        };
    }

    private bool MayPreview() => User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Admin);
}
