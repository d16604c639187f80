using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Scheduling or editing a session. The start travels as "yyyy-MM-ddTHH:mm" (what a datetime-local input sends)
/// and is read in <see cref="TimeZone"/>, so no culture can reorder it and the coordinator types the host's time.
/// </summary>
public sealed record SessionForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ExchangeSessionConfiguration.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.Title")]
    public string Title { get; init; } = "";

    [StringLength(ExchangeSessionConfiguration.MarkdownMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.Agenda")]
    public string? Agenda { get; init; }

    public List<Guid> CohortIds { get; init; } = [];

    [Display(Name = "Sessions.Field.OpenToAllStaff")]
    public bool OpenToAllStaff { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Sessions.Field.Start")]
    public string Start { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.TimeZone")]
    public string TimeZone { get; init; } = "UTC";

    [Range(5, 24 * 60, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Sessions.Field.Duration")]
    public int DurationMinutes { get; init; } = 90;

    [StringLength(ExchangeSessionConfiguration.UrlMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.MeetingUrl")]
    public string? MeetingUrl { get; init; }

    [StringLength(ExchangeSessionConfiguration.VenueMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.Venue")]
    public string? Venue { get; init; }

    [Range(1, 10000, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Sessions.Field.Capacity")]
    public int Capacity { get; init; } = 30;

    /// <summary>One address per line.</summary>
    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.Facilitators")]
    public string? FacilitatorEmails { get; init; }

    public List<Guid> MunicipalityIds { get; init; } = [];

    public List<Guid> LessonIds { get; init; } = [];

    /// <summary>The row version the form was loaded with; a save over a newer version is refused.</summary>
    public uint Version { get; init; }

    public static string FormatLocal(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ParseLocal(string? text) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local) ? local : null;
}

public sealed record Choice(Guid Id, string Name, bool Selected, string? Group = null);

public sealed record SessionEditPage(Guid? Id, SessionForm Form, IEnumerable<SelectListItem> TimeZones, IReadOnlyList<Choice> Cohorts,
    IReadOnlyList<Choice> Municipalities, IReadOnlyList<Choice> Lessons);

public sealed record RecordForm
{
    public List<Guid> Attended { get; init; } = [];

    [StringLength(ExchangeSessionConfiguration.MarkdownMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Sessions.Field.Outcomes")]
    public string? Outcomes { get; init; }
}
