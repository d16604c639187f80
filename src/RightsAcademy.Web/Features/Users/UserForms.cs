using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Features.Users;

public sealed record InviteForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(AccountLimits.EmailMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.DisplayNameMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Municipality")]
    public Guid? MunicipalityId { get; init; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Role")]
    public string Role { get; init; } = Roles.Learner;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Language")]
    public string Language { get; init; } = "en";
}

public sealed record InvitePage(InviteForm Form, IEnumerable<SelectListItem> Municipalities, IEnumerable<SelectListItem> Roles,
    IEnumerable<SelectListItem> Languages, string? InvitedEmail);

public sealed record UserRow(Guid Id, string DisplayName, string Email, string Municipality, IReadOnlyList<string> Roles,
    bool InvitationPending, DateTimeOffset CreatedUtc);

public sealed record UserListPage(IReadOnlyList<UserRow> Rows, string? Search, int Page, bool HasNext, bool CanEditRoles);

public sealed record UserRolesForm
{
    public IReadOnlyList<string> Roles { get; init; } = [];

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Municipality")]
    public Guid? MunicipalityId { get; init; }
}

public sealed record UserEditPage(Guid Id, string DisplayName, string Email, UserRolesForm Form, IEnumerable<SelectListItem> Municipalities);
