using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>Identity's messages reach users on the profile and password pages, so they speak the user's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Identity.DefaultError"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Identity.InvalidToken"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Identity.PasswordMismatch"]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Identity.InvalidEmail"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["Identity.DuplicateEmail"]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.DuplicateEmail"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Identity.InvalidEmail"]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), t["Identity.PasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), t["Identity.UserAlreadyHasPassword"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
