using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RightsAcademy.Web.Features.Accounts;

// Error messages and display names are resource keys, localised by the data-annotations localiser.

public sealed record SignInForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; init; } = "";

    public string? ReturnUrl { get; init; }
}

public sealed record ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; init; } = "";
}

public record NewPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = PasswordRules.MinimumLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string NewPassword { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; init; } = "";
}

public sealed record ResetPasswordForm : NewPasswordForm
{
    public Guid UserId { get; init; }

    public string Code { get; init; } = "";
}

public sealed record ChangePasswordForm : NewPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; init; } = "";
}

public sealed record AcceptInvitationForm : NewPasswordForm
{
    public Guid UserId { get; init; }

    public string Code { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; init; } = "";
}

public sealed record ProfileForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; init; } = "";

    /// <summary>Empty means the display name.</summary>
    [StringLength(AccountLimits.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CertificateName")]
    public string? CertificateName { get; init; }

    [StringLength(AccountLimits.DepartmentMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Department")]
    public string? Department { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Language")]
    public string Language { get; init; } = "en";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.TimeZone")]
    public string TimeZone { get; init; } = "UTC";
}

public sealed record ProfilePage(ProfileForm Form, string Email, string MunicipalityName, IReadOnlyList<string> Roles,
    IEnumerable<SelectListItem> Languages, IEnumerable<SelectListItem> TimeZones, bool Saved,
    RightsAcademy.Web.Features.Notifications.MailPreferences Mail, bool MailSaved = false);

public sealed record RegisterForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Municipality")]
    public Guid? MunicipalityId { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = PasswordRules.MinimumLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string NewPassword { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; init; } = "";
}

public sealed record RegisterPage(RegisterForm Form, IEnumerable<SelectListItem> Municipalities);
