namespace RightsAcademy.Web.Features.PersonalData;

/// <summary>
/// An ILIKE pattern matching one e-mail address (or a name) exactly, case-insensitively (mail may have been written
/// with the address as typed): the wildcards % and _, legal in addresses, are escaped.
/// </summary>
public static class MailAddressPattern
{
    public static string Exactly(string address) => address
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
