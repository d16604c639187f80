using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>Identity tokens contain '+' and '/': they travel in links base64url-encoded.</summary>
public static class AccountLinks
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
