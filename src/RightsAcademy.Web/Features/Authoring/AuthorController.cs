using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// The trainers' workspace. The Trainer policy admits trainers and admins; each handler then narrows to the
/// courses the person owns (admins: all), so another trainer's course answers 404, by link or by forged POST.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
[Route("author")]
public sealed class AuthorController(IStringLocalizer<SharedResource> t) : Controller
{
    private const long MaxZipRequestBytes = 12 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListWorkspace.Handler handler, CancellationToken cancellationToken) =>
        View(new WorkspacePage(await handler.HandleAsync(User, cancellationToken), new CreateCourseForm()));

    [HttpPost("courses")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] CreateCourseForm form, [FromServices] CreateCourse.Handler handler,
        [FromServices] ListWorkspace.Handler list, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(form, User, cancellationToken);
            if (result.Slug is not null)
            {
                return Redirect($"/author/courses/{result.Slug}");
            }

            AddErrors("Form", result.Errors);
        }

        return View("Index", new WorkspacePage(await list.HandleAsync(User, cancellationToken), form));
    }

    [HttpGet("courses/{slug}")]
    public async Task<IActionResult> Course(string slug, string? notice, [FromServices] ShowDraft.Handler handler, CancellationToken cancellationToken) =>
        await CoursePageAsync(slug, handler, null, null, notice, cancellationToken);

    [HttpPost("courses/{slug}/modules")]
    public Task<IActionResult> AddModule(string slug, [Bind(Prefix = "Module")] AddPageForm form, [FromServices] AddPage.Handler handler,
        [FromServices] ShowDraft.Handler show, CancellationToken cancellationToken) =>
        AddPageAsync(slug, "Module", form with { Folder = "" }, handler, show, cancellationToken);

    [HttpPost("courses/{slug}/lessons")]
    public Task<IActionResult> AddLesson(string slug, [Bind(Prefix = "Lesson")] AddPageForm form, [FromServices] AddPage.Handler handler,
        [FromServices] ShowDraft.Handler show, CancellationToken cancellationToken) =>
        AddPageAsync(slug, "Lesson", form, handler, show, cancellationToken);

    [HttpPost("courses/{slug}/publish")]
    public async Task<IActionResult> Publish(string slug, [FromServices] PublishCourse.Handler handler, [FromServices] ShowDraft.Handler show,
        CancellationToken cancellationToken)
    {
        switch (await handler.HandleAsync(slug, User, cancellationToken))
        {
            case PublishCourse.NotFound:
                return NotFound();
            case PublishCourse.Published:
                return Redirect($"/author/courses/{slug}?notice=Published");
            default:
                ModelState.AddModelError("", t["Author.PublishRefused"]);
                var page = await CoursePageAsync(slug, show, null, null, null, cancellationToken);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return page;
        }
    }

    [HttpGet("courses/{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, string path, string? notice, [FromServices] OpenFile.Handler handler, CancellationToken cancellationToken)
    {
        var opened = await handler.HandleAsync(slug, path, User, null, cancellationToken);
        if (opened is null)
        {
            return NotFound();
        }

        var text = DraftCompiler.Text(opened.File.Bytes);
        AddProblems(opened, text);
        return View("Edit", new EditPage(opened, PageDocument.Split(path, text, opened.File.Version), SourceText(opened), null, false, false, null, notice));
    }

    [HttpPost("courses/{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, [Bind(Prefix = "Form")] PageForm form, string? intent, [FromServices] OpenFile.Handler open,
        [FromServices] SaveFile.Handler save, CancellationToken cancellationToken)
    {
        var text = PageDocument.Compose(form);
        var bytes = DraftCompiler.Bytes(text);
        var preview = intent == "preview";
        if (!preview && ModelState.IsValid)
        {
            switch (await save.HandleAsync(slug, form.Path, form.Version, bytes, User, cancellationToken))
            {
                case SaveFile.NotFound:
                    return NotFound();
                case SaveFile.Saved:
                    return Redirect(EditUrl(slug, form.Path) + "&notice=Saved");
                case SaveFile.Conflict conflict:
                    var current = await open.HandleAsync(slug, form.Path, User, bytes, cancellationToken);
                    if (current is null)
                    {
                        return NotFound();
                    }

                    // Saving again now means "I have seen their text": the form carries their version.
                    ModelState.Remove("Form.Version");
                    ModelState.AddModelError("", t["Author.Conflict"]);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return View("Edit", new EditPage(current, form with { Version = conflict.TheirVersion }, SourceText(current), null, false, true,
                        conflict.TheirText, null));
                default:
                    break;
            }
        }

        var opened = await open.HandleAsync(slug, form.Path, User, bytes, cancellationToken);
        if (opened is null)
        {
            return NotFound();
        }

        AddProblems(opened, text);
        var page = opened.Compiled.Course is { } course ? DraftCompiler.FindPage(course, form.Path) : null;
        return View("Edit", new EditPage(opened, form, SourceText(opened), page, preview, false, null, null));
    }

    [HttpPost("courses/{slug}/move")]
    public async Task<IActionResult> Move(string slug, string path, string direction, [FromServices] MoveItem.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, path ?? "", direction == "up", User, cancellationToken)
            ? Redirect($"/author/courses/{slug}?notice=Moved")
            : NotFound();

    [HttpPost("courses/{slug}/translations")]
    public async Task<IActionResult> AddTranslation(string slug, string path, string language, [FromServices] AddTranslation.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, path ?? "", language ?? "", User, cancellationToken) is { } created
            ? Redirect(EditUrl(slug, created))
            : NotFound();

    [HttpPost("courses/{slug}/up-to-date")]
    public async Task<IActionResult> MarkUpToDate(string slug, string path, [FromServices] MarkUpToDate.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, path ?? "", User, cancellationToken)
            ? Redirect(EditUrl(slug, path!) + "&notice=UpToDate")
            : NotFound();

    [HttpGet("courses/{slug}/history")]
    public async Task<IActionResult> History(string slug, string path, int? version, string? against, [FromServices] FileHistory.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, path ?? "", version, against == "draft", User, cancellationToken) is { } page
            ? View(page)
            : NotFound();

    [HttpPost("courses/{slug}/restore")]
    public async Task<IActionResult> Restore(string slug, string path, int version, [FromServices] RestoreVersion.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, path ?? "", version, User, cancellationToken)
            ? Redirect(EditUrl(slug, path!) + "&notice=Restored")
            : NotFound();

    [HttpPost("import")]
    [RequestSizeLimit(MaxZipRequestBytes)]
    public async Task<IActionResult> Import(IFormFile? zipFile, [FromServices] ImportCourseZip.Handler handler, [FromServices] ListWorkspace.Handler list,
        CancellationToken cancellationToken)
    {
        WorkspacePage? report = null;
        if (zipFile is not { Length: > 0 })
        {
            ModelState.AddModelError("ZipFile", t["Validation.Required"]);
        }
        else
        {
            await using var stream = zipFile.OpenReadStream();
            switch (await handler.HandleAsync(stream, User, cancellationToken))
            {
                case ImportCourseZip.Imported imported:
                    report = new WorkspacePage(await list.HandleAsync(User, cancellationToken), new CreateCourseForm(), imported.Problems, imported.Slug);
                    break;
                case ImportCourseZip.Refused refused:
                    ModelState.AddModelError("ZipFile", t[refused.Key]);
                    break;
                default:
                    break;
            }
        }

        if (report is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View("Index", report ?? new WorkspacePage(await list.HandleAsync(User, cancellationToken), new CreateCourseForm()));
    }

    [HttpPost("courses/{slug}/assets")]
    [RequestSizeLimit(UploadImage.MaxBytes + 1024 * 1024)]
    public async Task<IActionResult> Upload(string slug, [Bind(Prefix = "Image")] UploadImageForm form, IFormFile? imageFile,
        [FromServices] UploadImage.Handler handler, [FromServices] ShowDraft.Handler show, CancellationToken cancellationToken)
    {
        if (imageFile is not { Length: > 0 })
        {
            ModelState.AddModelError("ImageFile", t["Validation.Required"]);
        }

        string? snippet = null;
        if (ModelState.IsValid)
        {
            using var buffer = new MemoryStream();
            await imageFile!.CopyToAsync(buffer, cancellationToken);
            switch (await handler.HandleAsync(slug, buffer.ToArray(), form.AltText, User, cancellationToken))
            {
                case UploadImage.NotFound:
                    return NotFound();
                case UploadImage.Uploaded uploaded:
                    snippet = uploaded.Markdown;
                    break;
                case UploadImage.Refused refused:
                    ModelState.AddModelError("ImageFile", t[refused.Key]);
                    break;
                default:
                    break;
            }
        }

        var page = await CoursePageAsync(slug, show, null, null, snippet is null ? null : "Uploaded", cancellationToken, snippet, snippet is null ? form : null);
        if (snippet is null && page is ViewResult)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return page;
    }

    [HttpPost("courses/{slug}/owners")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> AddOwner(string slug, [Bind(Prefix = "Owner")] AddOwnerForm form, [FromServices] AddOwner.Handler handler,
        [FromServices] ShowDraft.Handler show, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await handler.HandleAsync(slug, form.Email, cancellationToken))
            {
                case Authoring.AddOwner.Outcome.NotFound:
                    return NotFound();
                case Authoring.AddOwner.Outcome.Added:
                    return Redirect($"/author/courses/{slug}?notice=OwnerAdded");
                default:
                    ModelState.AddModelError("Owner.Email", t["Author.OwnerUnknown"]);
                    break;
            }
        }

        return await CoursePageAsync(slug, show, null, null, null, cancellationToken, owner: form);
    }

    [HttpGet("courses/{slug}/export")]
    public async Task<IActionResult> Export(string slug, [FromServices] ExportCourse.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(slug, User, cancellationToken) is { } zip
            ? File(zip, "application/zip", $"{slug}.zip")
            : NotFound();

    /// <summary>A draft's asset for previews; owners only, served with a type judged from the bytes.</summary>
    [HttpGet("courses/{slug}/files/{**path}")]
    public async Task<IActionResult> DraftFile(string slug, string path, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        var draft = await db.FindEditableAsync(User, slug, cancellationToken);
        var file = draft is null || !DraftPaths.IsAsset(path) ? null
            : await db.CourseDraftFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DraftId == draft.Id && f.Path == path, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Bytes, AssetTypes.ContentType(file.Path, file.Bytes));
    }

    private async Task<IActionResult> AddPageAsync(string slug, string prefix, AddPageForm form, AddPage.Handler handler, ShowDraft.Handler show,
        CancellationToken cancellationToken)
    {
        if (prefix == "Lesson" && form.Folder.Length == 0)
        {
            ModelState.AddModelError("Lesson.Folder", t["Validation.Required"]);
        }

        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(slug, form, User, cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Path is not null)
            {
                return Redirect(EditUrl(slug, result.Path));
            }

            AddErrors(prefix, result.Errors);
        }

        return await CoursePageAsync(slug, show, prefix == "Module" ? form : null, prefix == "Lesson" ? form : null, null, cancellationToken);
    }

    internal static string EditUrl(string slug, string path) => $"/author/courses/{slug}/edit?path={Uri.EscapeDataString(path)}";

    private async Task<IActionResult> CoursePageAsync(string slug, ShowDraft.Handler handler, AddPageForm? module, AddPageForm? lesson, string? notice,
        CancellationToken cancellationToken, string? snippet = null, UploadImageForm? image = null, AddOwnerForm? owner = null)
    {
        var draft = await handler.HandleAsync(slug, User, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        return View("Course", new CourseDraftPage(draft, module ?? new AddPageForm(), lesson ?? new AddPageForm { Folder = (draft.Modules.Count > 0 ? draft.Modules[^1].Folder : null) ?? "" },
            image ?? new UploadImageForm(), owner ?? new AddOwnerForm(), notice, snippet));
    }

    private static string? SourceText(OpenFile.Opened opened) => opened.Source is null ? null : DraftCompiler.Text(opened.Source.Bytes);

    /// <summary>Each problem of this page goes next to the field it concerns; body problems say the line in the text area.</summary>
    private void AddProblems(OpenFile.Opened opened, string text)
    {
        foreach (var problem in opened.Compiled.Problems.Where(p => p.Path == opened.File.Path))
        {
            var (field, bodyLine) = PageDocument.FieldAt(text, problem.Line);
            var message = bodyLine is { } line ? t["Author.BodyLine", line, problem.Message].Value : problem.Message;
            if (problem.Severity == ProblemSeverity.Warning)
            {
                message = t["Author.WarningPrefix", message].Value;
            }

            ModelState.AddModelError("Form." + field, message);
        }
    }

    private void AddErrors(string prefix, IEnumerable<(string Field, string Key)> errors)
    {
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError($"{prefix}.{field}", t[key]);
        }
    }
}
