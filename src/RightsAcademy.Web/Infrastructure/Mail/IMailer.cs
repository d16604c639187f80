namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// The seam through which every mail leaves. For now mail is written to the log; the notifications work
/// replaces it with an outbox delivered by MailKit.
/// </summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
