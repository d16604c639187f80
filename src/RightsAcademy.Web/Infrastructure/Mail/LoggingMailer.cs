namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>Writes mail to the log so a local site shows what would be sent (links included).</summary>
internal sealed partial class LoggingMailer(ILogger<LoggingMailer> logger) : IMailer
{
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        LogMail(mail.Subject, mail.TextBody);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail not sent (no delivery configured): {Subject}\n{Body}")]
    private partial void LogMail(string subject, string body);
}
