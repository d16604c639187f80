namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// A course written in the browser. Its files are the content format itself (course.md, module.md, lessons,
/// translations, assets), so preview, validation, publishing, export and import all run the one compiler
/// and importer that `content import` runs. Its existence marks the course as edited in the browser: the file
/// import then leaves the published course alone (docs/decisions/0004-browser-edits-win.md).
/// </summary>
public sealed class CourseDraft
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The course's identity, the same slug the published course has.</summary>
    public required string Slug { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public Guid CreatedById { get; set; }

    /// <summary>0 until first published.</summary>
    public int PublishedVersion { get; set; }

    public DateTimeOffset? PublishedUtc { get; set; }

    public List<CourseDraftFile> Files { get; set; } = [];

    public List<CourseOwner> Owners { get; set; } = [];
}

/// <summary>One file of a draft, as bytes: Markdown pages as UTF-8 text, assets as they were uploaded.</summary>
public sealed class CourseDraftFile
{
    public Guid DraftId { get; set; }

    /// <summary>Relative to the course folder, '/'-separated, as in the content format.</summary>
    public required string Path { get; set; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays",
        Justification = "Raw file content, stored and compiled as is.")]
    public required byte[] Bytes { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>Optimistic concurrency: a save names the version it started from; a different one is a conflict.</summary>
    public int Version { get; set; } = 1;

    /// <summary>For a translation: the source's hash when the translation was last saved or marked up to date.
    /// It is stale when the source's hash moved on (the same rule the import applies).</summary>
    public string? TranslatedFromHash { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public Guid? UpdatedById { get; set; }
}

/// <summary>What was published, file by file: lesson history, diffs and restore read these.</summary>
public sealed class CourseVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DraftId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset PublishedUtc { get; set; }

    public Guid PublishedById { get; set; }

    public List<CourseVersionFile> Files { get; set; } = [];
}

public sealed class CourseVersionFile
{
    public Guid VersionId { get; set; }

    public required string Path { get; set; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays",
        Justification = "Raw file content of a published version.")]
    public required byte[] Bytes { get; set; }

    public required string ContentHash { get; set; }
}

/// <summary>A trainer who may edit the course. Admins edit every course without a row here.</summary>
public sealed class CourseOwner
{
    public Guid DraftId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset AddedUtc { get; set; }
}
