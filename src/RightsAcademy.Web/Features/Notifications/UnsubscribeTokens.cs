using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// The token in an unsubscribe link: user and category, signed and encrypted with Data Protection (keys shared by
/// every node through the database). It cannot be forged or edited to stop someone else's mail or another
/// category. It does not expire: a link in an old mail must still work, and all it can do is stop that mail.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("RightsAcademy.Notifications.Unsubscribe.v1");

    public sealed record Claim(Guid UserId, MailCategory Category);

    public string Create(Guid userId, MailCategory category)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{userId:N}.{(int)category}"));
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public Claim? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var user)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && MailPreferences.Categories.Contains((MailCategory)value)
                ? new Claim(user, (MailCategory)value)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
