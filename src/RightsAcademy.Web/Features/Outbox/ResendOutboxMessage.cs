using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Outbox;

/// <summary>
/// An admin puts a mail that did not go out back in the queue. Only mail whose delivery ended without a known
/// success: a Sent mail is never sent again, and a Pending or Sending one is already on its way.
/// </summary>
public static class ResendOutboxMessage
{
    public static readonly IReadOnlyList<OutboxStatus> Resendable = [OutboxStatus.Failed, OutboxStatus.OutcomeUnknown, OutboxStatus.NotConfigured];

    public enum Outcome { Queued, NotConfigured, NotResendable, NotFound }

    public sealed class Handler(AppDbContext db, IOptions<SmtpOptions> options, TimeProvider clock, OutboxDeliveryTrigger trigger)
    {
        public async Task<Outcome> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var mail = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Id == id).Select(m => new { m.Status, m.Attempts, m.IdempotencyKey, m.MessageId })
                .SingleOrDefaultAsync(cancellationToken);
            if (mail is null)
            {
                return Outcome.NotFound;
            }

            if (!Resendable.Contains(mail.Status))
            {
                return Outcome.NotResendable;
            }

            var smtp = options.Value;
            var status = smtp.IsConfigured ? OutboxStatus.Pending : OutboxStatus.NotConfigured;
            // A mail never tried was written while no server was configured; it now gets the sender's real domain.
            // Once tried, it keeps its Message-ID, so a receiver can tell a resend from a new mail.
            var messageId = mail.Attempts == 0 ? OutboxMimeMessage.MessageIdFor(mail.IdempotencyKey, smtp.MessageIdDomain) : mail.MessageId;
            var now = clock.GetUtcNow();
            // Conditional on the status just read: two admins clicking at once queue the mail once.
            var updated = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == mail.Status)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, status)
                    .SetProperty(m => m.MessageId, messageId)
                    .SetProperty(m => m.NextAttemptUtc, now)
                    .SetProperty(m => m.QueuedUtc, now)
                    .SetProperty(m => m.LockedUntilUtc, (DateTimeOffset?)null), cancellationToken);
            if (updated == 0)
            {
                return Outcome.NotResendable;
            }

            if (status == OutboxStatus.Pending)
            {
                trigger.RequestDelivery(db);
                return Outcome.Queued;
            }

            return Outcome.NotConfigured;
        }
    }
}
