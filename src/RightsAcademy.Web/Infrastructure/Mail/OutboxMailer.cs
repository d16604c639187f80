using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// The app's <see cref="IMailer"/>: writes the mail to the outbox on the request's <see cref="AppDbContext"/>, so it
/// joins the caller's transaction when there is one (the mail exists exactly when the change that caused it does),
/// and asks for delivery once that transaction commits.
/// </summary>
public sealed partial class OutboxMailer(
    AppDbContext db, IOptions<SmtpOptions> options, TimeProvider clock, OutboxDeliveryTrigger trigger, ILogger<OutboxMailer> logger) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (mail.IdempotencyKey.Length is 0 or > OutboxMessageConfiguration.IdempotencyKeyMaxLength)
        {
            throw new ArgumentException($"An idempotency key has 1 to {OutboxMessageConfiguration.IdempotencyKeyMaxLength} characters.", nameof(mail));
        }

        if (mail.UnsubscribeUrl is { } unsubscribe && !OutboxMimeMessage.IsHeaderSafeUrl(unsubscribe))
        {
            throw new ArgumentException("An unsubscribe address is one absolute http(s) URL without spaces or angle brackets.", nameof(mail));
        }

        var smtp = options.Value;
        var now = clock.GetUtcNow();
        var status = smtp.IsConfigured ? OutboxStatus.Pending : OutboxStatus.NotConfigured;
        var messageId = OutboxMimeMessage.MessageIdFor(mail.IdempotencyKey, smtp.MessageIdDomain);
        var subject = mail.Subject.Length <= OutboxMessageConfiguration.SubjectMaxLength
            ? mail.Subject
            : mail.Subject[..OutboxMessageConfiguration.SubjectMaxLength];
        // ON CONFLICT DO NOTHING rather than a unique violation: in PostgreSQL an error aborts the caller's whole
        // transaction, and a repeated key is not an error but the idempotency working.
        var id = Guid.CreateVersion7();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutboxMessages" ("Id", "IdempotencyKey", "MessageId", "ToAddress", "ToName", "Language", "Subject",
                "TextBody", "HtmlBody", "UnsubscribeUrl", "Status", "Attempts", "NextAttemptUtc", "CreatedUtc", "QueuedUtc")
            VALUES ({id}, {mail.IdempotencyKey}, {messageId}, {mail.ToAddress}, {mail.ToName}, {mail.Language}, {subject},
                {mail.TextBody}, {mail.HtmlBody}, {mail.UnsubscribeUrl}, {status.ToString()}, 0, {now}, {now}, {now})
            ON CONFLICT ("IdempotencyKey") DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            LogDuplicate(mail.IdempotencyKey);
            return;
        }

        // In the same transaction as the mail: a mail never goes out without its files.
        var position = 0;
        foreach (var attachment in mail.Attachments ?? [])
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxAttachments" ("Id", "OutboxMessageId", "Position", "FileName", "ContentType", "Content")
                VALUES ({Guid.CreateVersion7()}, {id}, {position++}, {attachment.FileName}, {attachment.ContentType}, {attachment.Content})
                """, cancellationToken);
        }

        if (status == OutboxStatus.Pending)
        {
            trigger.RequestDelivery(db);
        }
        else
        {
            LogNotConfigured(mail.IdempotencyKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Key} is already in the outbox; not written again")]
    private partial void LogDuplicate(string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Key} kept in the outbox, not sent: no SMTP server is configured (Smtp:Host). Admins read it at /admin/outbox")]
    private partial void LogNotConfigured(string key);
}
