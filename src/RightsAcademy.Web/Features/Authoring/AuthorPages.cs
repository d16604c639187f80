using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Authoring;

public sealed record WorkspacePage(IReadOnlyList<ListWorkspace.Row> Courses, CreateCourseForm Form, IReadOnlyList<ContentProblem>? ImportReport = null,
    string? ImportedSlug = null);

/// <param name="Notice">A resource key suffix after a redirect ("Published", "Saved" ...).</param>
public sealed record CourseDraftPage(ShowDraft.Page Draft, AddPageForm Module, AddPageForm Lesson, UploadImageForm Image, AddOwnerForm Owner,
    string? Notice = null, string? UploadedSnippet = null);

/// <summary>The editor: the form, and around it what the trainer needs to decide.</summary>
/// <param name="TheirText">After a conflict: what the other trainer saved (null if they moved or deleted the file).</param>
public sealed record EditPage(
    OpenFile.Opened File,
    PageForm Form,
    string? SourceText,
    PageText? Preview,
    bool PreviewRequested,
    bool Conflict,
    string? TheirText,
    string? Notice);
