using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Features.Accounts;

public sealed record TwoFactorCodeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(12, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; init; } = "";

    public string? ReturnUrl { get; init; }
}

public sealed record RecoveryCodeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.RecoveryCode")]
    public string RecoveryCode { get; init; } = "";

    public string? ReturnUrl { get; init; }
}

/// <summary>The two-step sign-in settings: either on (with codes left) or the set-up with the key to scan or type.</summary>
public sealed record TwoFactorPage(bool Enabled, bool Required, int RecoveryCodesLeft, string? SharedKey, string? QrCodeDataUri,
    TwoFactorCodeForm Form);

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
