using System.Security.Claims;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Profile facts carried in the sign-in cookie so that every page can localise and show times
/// without a database query; refreshed whenever the profile changes.
/// </summary>
public static class AppClaims
{
    public const string DisplayName = "ra:name";
    public const string Language = "ra:lang";
    public const string TimeZone = "ra:tz";
    public const string Municipality = "ra:municipality";

    /// <summary>Set by Identity on every sign-in: "pwd" for a password alone, "mfa" once a second factor was checked.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    public static string? Find(this ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? MunicipalityId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.Find(Municipality), out var id) ? id : null;
}
