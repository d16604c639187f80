namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>A mail already written in its recipient's language, with a plain-text and an HTML part.</summary>
/// <param name="IdempotencyKey">Names the event the mail is about (e.g. <c>invitation:{user}</c>): the outbox
/// keeps one mail per key, so repeating the event, or the code that reacts to it, sends nothing more.</param>
/// <param name="Language">The language the mail is written in (a <see cref="Localization.SupportedCultures"/> code).</param>
/// <param name="Attachments">Files sent with the mail (none by default); stored with it in the outbox.</param>
/// <param name="UnsubscribeUrl">For non-essential mail: the absolute one-click unsubscribe address, sent as
/// <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c> (RFC 8058). Null for essential mail.</param>
public sealed record OutgoingMail(
    string IdempotencyKey,
    string ToAddress,
    string ToName,
    string Language,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<MailAttachment>? Attachments = null,
    string? UnsubscribeUrl = null);

/// <summary>A file attached to a mail, e.g. a certificate PDF.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
