using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Outbox;

/// <summary>One mail exactly as it is (or would be) sent, with its delivery history.</summary>
public static class ShowOutboxMessage
{
    public sealed record Mail(OutboxMessage Message, bool SmtpConfigured)
    {
        public bool CanResend => ResendOutboxMessage.Resendable.Contains(Message.Status);
    }

    public sealed class Handler(AppDbContext db, IOptions<SmtpOptions> smtp)
    {
        public async Task<Mail?> HandleAsync(Guid id, CancellationToken cancellationToken) =>
            await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } message
                ? new Mail(message, smtp.Value.IsConfigured)
                : null;
    }
}
