using System.Text;
using QRCoder;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>How an authenticator app receives the shared key: an otpauth:// URI as a QR code, or the key typed by hand.</summary>
internal static class AuthenticatorKey
{
    public const string Issuer = "RightsAcademy";

    /// <summary>The key in groups of four, lower case: easier to read aloud and to type on a phone.</summary>
    public static string Readable(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    // Key URI format (google-authenticator wiki): SHA-1, 6 digits and 30 seconds are the defaults every app supports.
    public static string OtpAuthUri(string accountName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>
    /// The QR code as an SVG data URI for an <c>img</c>: the page's Content-Security-Policy allows data: images but no
    /// inline styles, and an image gets a text alternative like any other.
    /// </summary>
    public static string QrCodeDataUri(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (rows[y][x])
                {
                    path.Append('M').Append(x).Append(' ').Append(y).Append("h1v1h-1z");
                }
            }
        }

        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">" +
                  $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
