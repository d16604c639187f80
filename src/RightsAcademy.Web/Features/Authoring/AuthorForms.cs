using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>One page of a course: front-matter fields, the rest of the front matter as written, and the body.
/// Blank fields are left out of the file, so a translation need not repeat minutes or required.</summary>
public sealed record PageForm
{
    public string Path { get; init; } = "";

    /// <summary>The version the trainer started from; a save against another version is a conflict.</summary>
    public int Version { get; init; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Title")]
    public string? Title { get; init; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Summary")]
    public string? Summary { get; init; }

    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Minutes")]
    public string? Minutes { get; init; }

    [Display(Name = "Author.Field.Required")]
    public string? Required { get; init; }

    [StringLength(20_000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.OtherFrontMatter")]
    public string? OtherFrontMatter { get; init; }

    [StringLength(200_000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Body")]
    public string? Body { get; init; }
}

public sealed record CreateCourseForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Slug")]
    public string Slug { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Title")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Summary")]
    public string Summary { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Author.Field.Language")]
    public string Language { get; init; } = "en";
}

public sealed record AddPageForm
{
    /// <summary>For a lesson: the module folder ("01-basics"); empty for a module.</summary>
    [Display(Name = "Author.Field.Module")]
    public string Folder { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Slug")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.Title")]
    public string Title { get; init; } = "";

    [Display(Name = "Author.Field.Kind")]
    public string Kind { get; init; } = "lesson";
}

public sealed record UploadImageForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Author.Field.AltText")]
    public string AltText { get; init; } = "";
}

public sealed record AddOwnerForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Author.Field.OwnerEmail")]
    public string Email { get; init; } = "";
}
