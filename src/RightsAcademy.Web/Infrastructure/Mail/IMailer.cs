namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// The seam through which every mail leaves. In the app it writes to the outbox (<see cref="OutboxMailer"/>) in
/// the caller's transaction; <see cref="DeliverOutbox"/> sends it later. Tests may replace it to read mails
/// without a database round trip.
/// </summary>
public interface IMailer
{
    /// <summary>Queues the mail; a second mail with the same idempotency key is ignored.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
