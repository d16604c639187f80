using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Refuses a new password that is one of the 10,000 most common ones (NIST SP 800-63B asks to check new
/// passwords against known-breached and commonly used values), or that is the account's own e-mail address.
/// The list is the head of the frequency-ordered password list of @zxcvbn-ts/language-common 4.1.3 (MIT; see
/// common-passwords.LICENSE.txt), embedded so the check needs no network and no file on the server.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var trimmed = password.Trim();
        var tooCommon = IsCommon(trimmed)
            || string.Equals(trimmed, user.Email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, user.UserName, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(tooCommon
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = t["Identity.PasswordTooCommon"] })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RightsAcademy.Web.CommonPasswords")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
