using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// The delivery job: sends due outbox mail with MailKit, one row at a time. Safe to run twice and on several nodes
/// at once: a row is claimed (Pending → Sending) by one committed UPDATE that skips rows another run has locked,
/// so no two runs ever hold the same mail. See README.md beside this file for what happens when a run dies.
/// </summary>
public sealed partial class DeliverOutbox(
    AppDbContext db, IOptions<SmtpOptions> options, TimeProvider clock, OutboxDeliveryTrigger trigger, ILogger<DeliverOutbox> logger)
{
    /// <summary>Bounds one run; a full run enqueues the next, which carries on with the rest.</summary>
    public const int BatchSize = 100;

    private SmtpOptions Smtp => options.Value;

    // The job does its own retrying with backoff, per mail; a Hangfire retry of the whole run would add nothing.
    [AutomaticRetry(Attempts = 0)]
    public async Task<DeliveryReport> RunAsync(CancellationToken cancellationToken)
    {
        trigger.RunStarted();
        var report = new DeliveryReport { Abandoned = await GiveUpOnAbandonedAsync() };
        // A node without SMTP settings leaves Pending mail alone: another node may be configured to send it.
        if (!Smtp.IsConfigured)
        {
            return report;
        }

        await using var session = new SmtpSession(Smtp);
        while (report.Attempted < BatchSize && !cancellationToken.IsCancellationRequested)
        {
            var mail = await ClaimNextAsync(cancellationToken);
            if (mail is null)
            {
                break;
            }

            var attachments = await db.OutboxAttachments.AsNoTracking().Where(a => a.OutboxMessageId == mail.Id)
                .OrderBy(a => a.Position).ToListAsync(cancellationToken);
            var outcome = OutboxMimeMessage.IsPlainAddress(mail.ToAddress)
                ? await session.SendAsync(OutboxMimeMessage.Build(mail, Smtp, attachments), cancellationToken)
                : new SendOutcome(SendResult.Permanent, $"Invalid recipient address: {OutboxMimeMessage.HeaderText(mail.ToAddress)}");
            report.Count(await RecordAsync(mail, outcome));
            if (outcome.Result == SendResult.NoConnection)
            {
                // The server is unreachable for every mail, not just this one; the next run tries again.
                break;
            }
        }

        // A full batch means more mail may be waiting: carry on now instead of at the next minute, so a burst (a
        // reminder run for a large session) drains in seconds, not in one batch a minute. Claims make overlapping runs safe.
        if (report.Attempted >= BatchSize && !cancellationToken.IsCancellationRequested)
        {
            trigger.RequestDelivery(db);
        }

        return report;
    }

    /// <summary>
    /// A row still Sending after its lease belongs to a run that died (process killed, node lost) somewhere between
    /// claiming it and recording the outcome. Whether the server got the message cannot be known, and sending it
    /// again could deliver it twice, so it becomes OutcomeUnknown for an admin to decide.
    /// </summary>
    private async Task<int> GiveUpOnAbandonedAsync()
    {
        var now = clock.GetUtcNow();
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LockedUntilUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.OutcomeUnknown)
                .SetProperty(m => m.LockedUntilUtc, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, "The delivery run stopped while sending (the process ended or lost the database); " +
                                               "the server may or may not have received this mail."));
        if (abandoned > 0)
        {
            LogAbandoned(abandoned);
        }

        return abandoned;
    }

    /// <summary>
    /// Pending → Sending in one committed statement, before the SMTP conversation starts: from then on no other
    /// run can take the row, even if this one dies (see <see cref="GiveUpOnAbandonedAsync"/>).
    /// </summary>
    private async Task<OutboxMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + Smtp.SendingLease;
        var claimed = await db.OutboxMessages.FromSql($"""
            UPDATE "OutboxMessages" SET "Status" = {nameof(OutboxStatus.Sending)}, "Attempts" = "Attempts" + 1,
                "LockedUntilUtc" = {lease}, "LastAttemptUtc" = {now}
            WHERE "Id" = (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {nameof(OutboxStatus.Pending)} AND "NextAttemptUtc" <= {now}
                ORDER BY "NextAttemptUtc", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>
    /// Records the outcome only while the claim still holds (same lease), so a run that outlived its lease cannot
    /// overwrite what happened since. Not cancellable: the outcome of a finished conversation must not be dropped
    /// because the host is stopping.
    /// </summary>
    private async Task<OutboxStatus?> RecordAsync(OutboxMessage mail, SendOutcome outcome)
    {
        var now = clock.GetUtcNow();
        var retry = outcome.Result is SendResult.Temporary or SendResult.NoConnection;
        var (status, error) = outcome.Result switch
        {
            SendResult.Sent => (OutboxStatus.Sent, mail.LastError),
            _ when retry && now < mail.QueuedUtc + Smtp.GiveUpAfter => (OutboxStatus.Pending, outcome.Detail),
            _ when retry => (OutboxStatus.Failed, $"Gave up after {mail.Attempts} attempts: {outcome.Detail}"),
            SendResult.Unknown => (OutboxStatus.OutcomeUnknown, outcome.Detail),
            _ => (OutboxStatus.Failed, outcome.Detail),
        };
        var next = status == OutboxStatus.Pending ? now + RetryDelay(mail.Attempts) : mail.NextAttemptUtc;
        DateTimeOffset? sent = status == OutboxStatus.Sent ? now : null;
        var truncated = error is null ? null : Truncate(error);
        var updated = await db.OutboxMessages
            .Where(m => m.Id == mail.Id && m.Status == OutboxStatus.Sending && m.LockedUntilUtc == mail.LockedUntilUtc)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.SentUtc, sent)
                .SetProperty(m => m.LastError, truncated)
                .SetProperty(m => m.LockedUntilUtc, (DateTimeOffset?)null));
        if (updated == 0)
        {
            LogClaimLost(mail.Id, mail.MessageId, outcome.Result);
            return null;
        }

        if (status != OutboxStatus.Sent)
        {
            LogNotSent(mail.Id, mail.MessageId, status, Logging.PersonalData.Redact(outcome.Detail));
        }

        return status;
    }

    /// <summary>Exponential: base, 2 × base, 4 × base … capped; attempts counts the one that just failed.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Smtp.RetryBaseDelay.Ticks * factor, Smtp.RetryMaxDelay.Ticks));
        return delay;
    }

    private static string Truncate(string text) =>
        text.Length <= OutboxMessageConfiguration.LastErrorMaxLength ? text : text[..OutboxMessageConfiguration.LastErrorMaxLength];

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox mail(s) were left in Sending by a delivery run that stopped; marked OutcomeUnknown, not resent")]
    private partial void LogAbandoned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox mail {Id} <{MessageId}>: {Result}: {Detail}")]
    private partial void LogNotSent(Guid id, string messageId, OutboxStatus result, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox mail {Id} <{MessageId}>: outcome {Result} not recorded, the run's claim had expired")]
    private partial void LogClaimLost(Guid id, string messageId, SendResult result);
}

/// <summary>What one delivery run did; Hangfire shows it as the job's result.</summary>
public sealed record DeliveryReport
{
    public int Sent { get; set; }

    public int Retrying { get; set; }

    public int Failed { get; set; }

    public int Unknown { get; set; }

    /// <summary>Outcomes not recorded because the run's claim had expired.</summary>
    public int Lost { get; set; }

    /// <summary>Rows found Sending after a run died, now OutcomeUnknown.</summary>
    public int Abandoned { get; set; }

    public int Attempted => Sent + Retrying + Failed + Unknown + Lost;

    internal void Count(OutboxStatus? status)
    {
        switch (status)
        {
            case OutboxStatus.Sent:
                Sent++;
                break;
            case OutboxStatus.Pending:
                Retrying++;
                break;
            case OutboxStatus.OutcomeUnknown:
                Unknown++;
                break;
            case null:
                Lost++;
                break;
            default:
                Failed++;
                break;
        }
    }
}
