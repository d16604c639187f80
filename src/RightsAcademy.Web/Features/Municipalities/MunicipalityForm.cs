using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RightsAcademy.Web.Features.Municipalities;

public sealed record MunicipalityForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MunicipalityName")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Country")]
    public string Country { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.TimeZone")]
    public string TimeZone { get; init; } = "UTC";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.DefaultLanguage")]
    public string DefaultLanguage { get; init; } = "en";
}

public sealed record MunicipalityEditPage(Guid? Id, MunicipalityForm Form, IEnumerable<SelectListItem> Countries,
    IEnumerable<SelectListItem> TimeZones, IEnumerable<SelectListItem> Languages);

public sealed record MunicipalityRow(Guid Id, string Name, string Country, string TimeZone, string DefaultLanguage, int StaffCount);
