using System.Globalization;
using System.Net;
using System.Text;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>Who a mail is for: address, name, language and zone, read once from the account.</summary>
public sealed record Recipient(Guid UserId, string Email, string Name, string Language, string TimeZone)
{
    public static Recipient Of(AppUser user) => new(user.Id, user.Email!, user.DisplayName, user.PreferredLanguage, user.TimeZone);

    /// <summary>Date and time in the recipient's zone and the current (recipient's) culture, with the zone named.</summary>
    public string Format(DateTimeOffset utc) =>
        $"{TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(TimeZone)).ToString("g", CultureInfo.CurrentCulture)} ({TimeZone})";

    public string FormatDate(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(TimeZone)).ToString("d", CultureInfo.CurrentCulture);
}

/// <summary>A line of a list in a mail (a schedule entry, a digest item), optionally a link.</summary>
public sealed record MailLine(string Text, string? Url = null, string? Detail = null);

/// <summary>What a mail says, already in the recipient's language; <see cref="MailWriter"/> makes the two parts.</summary>
public sealed record MailContent(string Subject, IReadOnlyList<string> Paragraphs, string? ActionText = null, string? ActionUrl = null,
    IReadOnlyList<MailLine>? Lines = null);

/// <summary>
/// The plain-text and HTML parts of a mail from its content. Every value is HTML-encoded; the text part carries
/// the same words and links, so a text-only client misses nothing.
/// </summary>
public static class MailWriter
{
    public static (string Text, string Html) Write(MailContent content, IReadOnlyList<string> footer)
    {
        var culture = CultureInfo.CurrentUICulture;
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html><html lang=\"{E(culture.Name)}\" dir=\"{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}\"><body>\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>\n");
        }

        if (content.Lines is { Count: > 0 } lines)
        {
            html.Append("<ul>\n");
            foreach (var line in lines)
            {
                text.Append("- ").Append(line.Text);
                html.Append("<li>");
                html.Append(line.Url is null ? E(line.Text) : $"<a href=\"{E(line.Url)}\">{E(line.Text)}</a>");
                if (line.Detail is not null)
                {
                    text.Append(": ").Append(line.Detail);
                    html.Append(CultureInfo.InvariantCulture, $": {E(line.Detail)}");
                }

                if (line.Url is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" <{line.Url}>");
                }

                text.Append('\n');
                html.Append("</li>\n");
            }

            text.Append('\n');
            html.Append("</ul>\n");
        }

        if (content.ActionUrl is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{content.ActionText}: {content.ActionUrl}\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(content.ActionUrl)}\">{E(content.ActionText ?? content.ActionUrl)}</a></p>\n");
        }

        if (footer.Count > 0)
        {
            text.Append("-- \n");
            html.Append("<hr>\n");
            foreach (var line in footer)
            {
                text.Append(line).Append('\n');
                html.Append(CultureInfo.InvariantCulture, $"<p><small>{Linkify(line)}</small></p>\n");
            }
        }

        html.Append("</body></html>\n");
        return (text.ToString(), html.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    /// <summary>A footer line "label: https://…" with its address made a link.</summary>
    private static string Linkify(string line)
    {
        var at = line.IndexOf("http", StringComparison.Ordinal);
        if (at < 0)
        {
            return E(line);
        }

        var url = line[at..].Trim();
        return $"{E(line[..at])}<a href=\"{E(url)}\">{E(url)}</a>";
    }
}
