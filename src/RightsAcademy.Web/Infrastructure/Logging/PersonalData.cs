using System.Text.RegularExpressions;

namespace RightsAcademy.Web.Infrastructure.Logging;

/// <summary>
/// Logs name people by their id, never by address. Text that comes from elsewhere (an SMTP server's reply quotes the
/// recipient) passes through <see cref="Redact"/> before it is logged.
/// </summary>
public static partial class PersonalData
{
    public const string Placeholder = "[e-mail]";

    public static string Redact(string? text) => string.IsNullOrEmpty(text) ? "" : EmailAddress().Replace(text, Placeholder);

    // Deliberately loose: anything@anything.tld, with or without angle brackets, in any script.
    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+\.[^\s<>""'(),;:]+")]
    private static partial Regex EmailAddress();
}
