using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RightsAcademy.Web.Features.Practices;

public sealed record PracticeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Practices.Field.Municipality")]
    public Guid? MunicipalityId { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.TitleMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.Title")]
    public string Title { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.CityMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.City")]
    public string City { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.ThemeMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.Theme")]
    public string Theme { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.MarkdownMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.Summary")]
    public string Summary { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.MarkdownMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.WhatWorked")]
    public string WhatWorked { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PracticeConfiguration.ContactMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Practices.Field.Contact")]
    public string Contact { get; init; } = "";
}

public sealed record PublishPage(Guid SessionId, string SessionTitle, PracticeForm Form, IEnumerable<SelectListItem> Municipalities);
