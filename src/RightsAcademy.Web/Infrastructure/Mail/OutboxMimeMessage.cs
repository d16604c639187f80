using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// Turns an outbox row into the exact MIME message that goes out. Every value that reaches a header is either
/// checked (addresses) or stripped of line breaks and encoded by MimeKit (names, subject), so no display name or
/// subject can add a header or a recipient.
/// </summary>
public static class OutboxMimeMessage
{
    /// <summary>Check the recipient with <see cref="IsPlainAddress"/> first: a bad address is a permanent failure.</summary>
    public static MimeMessage Build(OutboxMessage mail, SmtpOptions options, IReadOnlyList<OutboxAttachment>? attachments = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(HeaderText(options.FromName), options.FromAddress!.Trim()));
        message.To.Add(new MailboxAddress(HeaderText(mail.ToName), mail.ToAddress.Trim()));
        message.Subject = HeaderText(mail.Subject);
        message.MessageId = mail.MessageId;
        // When the mail was written, not when an attempt happened to succeed: every attempt sends the same message.
        message.Date = mail.CreatedUtc;
        // RFC 3834: mail written by a machine; auto-responders should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { } unsubscribe && IsHeaderSafeUrl(unsubscribe))
        {
            // RFC 8058: a mailbox provider POSTs "List-Unsubscribe=One-Click" to the address, without a session.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in attachments ?? [])
        {
            // The file name goes into a header: one line, encoded by MimeKit like the subject.
            body.Attachments.Add(HeaderText(attachment.FileName), attachment.Content,
                ContentType.TryParse(attachment.ContentType, out var type) ? type : new ContentType("application", "octet-stream"));
        }

        message.Body = body.ToMessageBody();
        if (IsLanguageTag(mail.Language))
        {
            // A Content-* header belongs to the body entity in MimeKit; it is written among the message's headers.
            message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        }

        return message;
    }

    /// <summary>
    /// A deterministic Message-ID for an idempotency key: the same key always names the same message, so a receiver
    /// (or a person searching a mail log) can recognise a repeated delivery. The key is hashed because it holds
    /// internal ids that have no business in a recipient's headers.
    /// </summary>
    public static string MessageIdFor(string idempotencyKey, string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 20))}.outbox@{domain}";
    }

    /// <summary>One bare address (no name, no group, no line break), as accepted in Smtp:FromAddress and To.</summary>
    public static bool IsPlainAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || address.IndexOfAny(['<', '>', ',', ';', '"', '(', ')']) >= 0)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1
            && MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address && string.IsNullOrEmpty(parsed.Name);
    }

    /// <summary>
    /// Header values are one line: a line break in a name or subject is how header injection starts. MimeKit
    /// encodes what remains (RFC 2047), so quotes, commas and any script are safe.
    /// </summary>
    public static string HeaderText(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            // Control characters, and the Unicode line and paragraph separators some clients treat as line breaks.
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>An absolute http(s) address that can sit between angle brackets in a header: no spaces, no breaks.</summary>
    public static bool IsHeaderSafeUrl(string value) =>
        value.Length <= OutboxMessageConfiguration.UnsubscribeUrlMaxLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ',')
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsLanguageTag(string value) =>
        value.Length is > 0 and <= 35 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

