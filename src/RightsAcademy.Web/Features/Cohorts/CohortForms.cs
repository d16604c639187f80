using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>Dates travel as yyyy-MM-dd strings (what an HTML date input sends) so no culture can reorder them.</summary>
public sealed record CohortForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cohorts.Field.Course")]
    public Guid? CourseId { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Cohorts.Field.Title")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cohorts.Field.EnrolmentOpens")]
    public string EnrolmentOpensOn { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cohorts.Field.Starts")]
    public string StartsOn { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Cohorts.Field.Ends")]
    public string EndsOn { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.TimeZone")]
    public string TimeZone { get; init; } = "UTC";

    [Range(1, 10000, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Cohorts.Field.Capacity")]
    public int Capacity { get; init; } = 30;

    [Display(Name = "Cohorts.Field.Mode")]
    public CohortEnrolmentMode Mode { get; init; } = CohortEnrolmentMode.Invitation;

    public List<Guid> MunicipalityIds { get; init; } = [];

    /// <summary>One address per line: other coordinators of this cohort.</summary>
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Cohorts.Field.Coordinators")]
    public string? CoordinatorEmails { get; init; }

    /// <summary>One address per line: facilitators, who see the roster.</summary>
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Cohorts.Field.Facilitators")]
    public string? FacilitatorEmails { get; init; }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static IReadOnlyList<string> Emails(string? lines) =>
        [.. (lines ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}

public sealed record MunicipalityChoice(Guid Id, string Name, bool Selected);

public sealed record CohortEditPage(Guid? Id, CohortForm Form, IEnumerable<SelectListItem> Courses, IEnumerable<SelectListItem> TimeZones,
    IEnumerable<SelectListItem> Modes, IReadOnlyList<MunicipalityChoice> Municipalities);

public sealed record InviteMemberForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; init; } = "";

    /// <summary>Only needed when the address has no account yet: the invitation creates one.</summary>
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Cohorts.Field.NewName")]
    public string? DisplayName { get; init; }

    [Display(Name = "Cohorts.Field.NewMunicipality")]
    public Guid? MunicipalityId { get; init; }

    [Display(Name = "Field.Language")]
    public string Language { get; init; } = "en";
}

public sealed record JoinForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(16, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Cohorts.Field.JoinCode")]
    public string Code { get; init; } = "";
}
