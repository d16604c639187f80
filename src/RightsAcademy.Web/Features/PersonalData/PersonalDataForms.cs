using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Features.PersonalData;

public sealed record DeleteAccountForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string Password { get; init; } = "";

    /// <summary>A second, explicit step: the box says what cannot be undone.</summary>
    [Range(typeof(bool), "true", "true", ErrorMessage = "PersonalData.Delete.ConfirmRequired")]
    public bool Confirm { get; init; }
}

public sealed record PersonalDataPage(DeleteAccountForm Form);
