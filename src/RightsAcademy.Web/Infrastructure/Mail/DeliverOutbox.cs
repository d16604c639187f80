using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// The delivery job: sends due outbox mail with MailKit over <see cref="SmtpOptions.Connections"/> SMTP connections at
/// once. Safe to run twice and on several nodes at once: rows are claimed (Pending → Sending) by committed UPDATEs that
/// skip rows another sender has locked, so no two senders ever hold the same mail. See README.md beside this file for
/// what happens when a run dies.
/// </summary>
public sealed partial class DeliverOutbox(
    AppDbContext db, IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, OutboxDeliveryTrigger trigger,
    ILogger<DeliverOutbox> logger)
{
    /// <summary>Bounds one run; a full run enqueues the next, which carries on with the rest.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Rows one sender claims with one statement, and marks Sent with one statement once their conversations are over.
    /// One: a process killed mid-claim leaves every claimed row to be marked OutcomeUnknown (see README.md), those it had
    /// not sent yet included, and with one the only such row per connection is the mail in flight (WorkerKilledTests).
    /// Ten were tried: three statements per ten mails instead of per mail drained 10,000 mails about three times as fast
    /// (README, "Performance"), at the price of up to ten undecided rows per connection after a crash.
    /// </summary>
    public const int ClaimSize = 1;

    private SmtpOptions Smtp => options.Value;

    // The job does its own retrying with backoff, per mail; a Hangfire retry of the whole run would add nothing.
    [AutomaticRetry(Attempts = 0)]
    public async Task<DeliveryReport> RunAsync(CancellationToken cancellationToken)
    {
        trigger.RunStarted();
        if (!trigger.TryBeginRun())
        {
            // The run already sending in this process takes this one's mail, or starts a run for it as it ends.
            return new DeliveryReport();
        }

        var report = new DeliveryReport();
        var budget = new RunBudget(BatchSize);
        try
        {
            report.Abandoned = await GiveUpOnAbandonedAsync();
            // A node without SMTP settings leaves Pending mail alone: another node may be configured to send it.
            if (Smtp.IsConfigured)
            {
                var reachable = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                var senders = await Task.WhenAll(Enumerable.Range(0, Smtp.Connections)
                    .Select(index => SendAsync(index, reachable, budget, cancellationToken)));
                foreach (var sender in senders)
                {
                    report.Add(sender);
                }
            }
        }
        finally
        {
            var gaveWay = trigger.EndRun();
            // A full batch means more mail may be waiting, and a run that gave way may have been asked for mail this run
            // never saw: carry on now instead of at the next minute, so a burst (a reminder run for a large session)
            // drains in seconds. Claims make overlapping runs safe.
            if ((gaveWay || budget.Spent) && !cancellationToken.IsCancellationRequested)
            {
                trigger.RequestDelivery(db);
            }
        }

        return report;
    }

    /// <summary>
    /// One sender: one SMTP connection and, except for the first, its own database context. The first sender starts
    /// alone; the others start once its first mail has had an outcome other than "no connection", so a server that is
    /// down costs one attempt on one mail, not one per connection. The others open their connection before claiming:
    /// a server that refuses an extra connection (a per-client limit) leaves the queue to the senders it accepted.
    /// </summary>
    private async Task<DeliveryReport> SendAsync(int index, TaskCompletionSource<bool> reachable, RunBudget budget, CancellationToken cancellationToken)
    {
        var report = new DeliveryReport();
        if (index > 0 && !await reachable.Task)
        {
            return report;
        }

        // A context serves one operation at a time: each further sender has its own.
        await using var scope = index == 0 ? (AsyncServiceScope?)null : scopes.CreateAsyncScope();
        var context = scope?.ServiceProvider.GetRequiredService<AppDbContext>() ?? db;
        await using var session = new SmtpSession(Smtp);
        try
        {
            if (index > 0 && await session.ConnectAsync(cancellationToken) is { } refused)
            {
                LogExtraConnectionRefused(index + 1, Logging.PersonalData.Redact(refused.Detail));
                return report;
            }

            var more = true;
            while (more && !cancellationToken.IsCancellationRequested)
            {
                var wanted = budget.Take(ClaimSize);
                var claimed = wanted == 0 ? [] : await ClaimAsync(context, wanted, cancellationToken);
                budget.Return(wanted - claimed.Count);
                if (claimed.Count == 0)
                {
                    break;
                }

                more = await SendClaimedAsync(context, session, claimed, reachable, report, cancellationToken);
            }
        }
        finally
        {
            // The first sender found nothing to send, or stopped before its first outcome: the others need not start.
            reachable.TrySetResult(false);
        }

        return report;
    }

    /// <summary>Sends one claim's mails in order; false when the sender should stop (no connection, cancelled).</summary>
    private async Task<bool> SendClaimedAsync(AppDbContext context, SmtpSession session, List<OutboxMessage> claimed,
        TaskCompletionSource<bool> reachable, DeliveryReport report, CancellationToken cancellationToken)
    {
        var ids = claimed.Select(m => m.Id).ToList();
        var attachments = (await context.OutboxAttachments.AsNoTracking().Where(a => ids.Contains(a.OutboxMessageId))
            .OrderBy(a => a.Position).ToListAsync(cancellationToken)).ToLookup(a => a.OutboxMessageId);
        var sent = new List<OutboxMessage>();
        var carryOn = true;
        var next = 0;
        for (; next < claimed.Count; next++)
        {
            var mail = claimed[next];
            // Not after the claim could lapse mid-conversation: another run would mark the row OutcomeUnknown, an admin
            // could resend it, and this sender would send it as well.
            if (cancellationToken.IsCancellationRequested || clock.GetUtcNow() + Smtp.ConversationBound > mail.LockedUntilUtc)
            {
                break;
            }

            SendOutcome outcome;
            if (OutboxMimeMessage.IsPlainAddress(mail.ToAddress))
            {
                using var message = OutboxMimeMessage.Build(mail, Smtp, [.. attachments[mail.Id]]);
                outcome = await session.SendAsync(message, cancellationToken);
            }
            else
            {
                outcome = new SendOutcome(SendResult.Permanent, $"Invalid recipient address: {OutboxMimeMessage.HeaderText(mail.ToAddress)}");
            }

            reachable.TrySetResult(outcome.Result != SendResult.NoConnection);
            if (outcome.Result == SendResult.Sent)
            {
                sent.Add(mail);
                continue;
            }

            report.Count(await RecordAsync(context, mail, outcome));
            if (outcome.Result == SendResult.NoConnection)
            {
                // The server is unreachable for every mail, not just this one; the next run tries again.
                next++;
                carryOn = false;
                break;
            }
        }

        await RecordSentAsync(context, sent, report);
        if (next < claimed.Count)
        {
            await ReleaseAsync(context, claimed[next..]);
            carryOn = false;
        }

        return carryOn;
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
    /// Pending → Sending for up to <paramref name="count"/> due rows in one committed statement, before any SMTP
    /// conversation starts: from then on no other run can take them, even if this one dies (see
    /// <see cref="GiveUpOnAbandonedAsync"/>). The rows share one lease, which the statements that follow check.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(AppDbContext context, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + Smtp.SendingLease;
        var claimed = await context.OutboxMessages.FromSql($"""
            UPDATE "OutboxMessages" SET "Status" = {nameof(OutboxStatus.Sending)}, "Attempts" = "Attempts" + 1,
                "LockedUntilUtc" = {lease}, "LastAttemptUtc" = {now}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {nameof(OutboxStatus.Pending)} AND "NextAttemptUtc" <= {now}
                ORDER BY "NextAttemptUtc", "Id"
                LIMIT {count}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)];
    }

    /// <summary>
    /// Claimed rows this sender will not try after all (it stopped): Pending again, due at once, the attempt that was
    /// counted for them taken back, since no conversation started. Only while the claim holds.
    /// </summary>
    private static async Task ReleaseAsync(AppDbContext context, List<OutboxMessage> mails)
    {
        var ids = mails.Select(m => m.Id).ToList();
        var lease = mails[0].LockedUntilUtc;
        await context.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LockedUntilUtc == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LastAttemptUtc, m => m.Attempts == 1 ? null : m.LastAttemptUtc)
                .SetProperty(m => m.LockedUntilUtc, (DateTimeOffset?)null));
    }

    /// <summary>
    /// Marks the mails the server accepted as Sent, in one statement, while the claim still holds. Not cancellable: the
    /// outcome of a finished conversation must not be dropped because the host is stopping.
    /// </summary>
    private async Task RecordSentAsync(AppDbContext context, List<OutboxMessage> mails, DeliveryReport report)
    {
        if (mails.Count == 0)
        {
            return;
        }

        var ids = mails.Select(m => m.Id).ToList();
        var lease = mails[0].LockedUntilUtc;
        DateTimeOffset? now = clock.GetUtcNow();
        var updated = await context.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.LockedUntilUtc == lease)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentUtc, now)
                .SetProperty(m => m.LockedUntilUtc, (DateTimeOffset?)null));
        report.Sent += updated;
        report.Lost += mails.Count - updated;
        if (updated < mails.Count)
        {
            LogSentClaimLost(mails.Count - updated);
        }
    }

    /// <summary>
    /// Records the outcome only while the claim still holds (same lease), so a run that outlived its lease cannot
    /// overwrite what happened since. Not cancellable: the outcome of a finished conversation must not be dropped
    /// because the host is stopping.
    /// </summary>
    private async Task<OutboxStatus?> RecordAsync(AppDbContext context, OutboxMessage mail, SendOutcome outcome)
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
        var updated = await context.OutboxMessages
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

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} outbox mail(s) accepted by the server not recorded as Sent: the run's claim had expired")]
    private partial void LogSentClaimLost(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP connection {Number} of this delivery run could not be opened; the run sends over the others: {Detail}")]
    private partial void LogExtraConnectionRefused(int number, string detail);

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

    internal void Add(DeliveryReport other)
    {
        Sent += other.Sent;
        Retrying += other.Retrying;
        Failed += other.Failed;
        Unknown += other.Unknown;
        Lost += other.Lost;
        Abandoned += other.Abandoned;
    }

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

/// <summary>How many more mails a run may claim, shared by its senders.</summary>
internal sealed class RunBudget(int total)
{
    private int _left = total;

    public bool Spent => Volatile.Read(ref _left) == 0;

    /// <summary>Up to <paramref name="wanted"/> mails, fewer or none when the run is nearly or fully spent.</summary>
    public int Take(int wanted)
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            var take = Math.Min(left, wanted);
            if (take == 0 || Interlocked.CompareExchange(ref _left, left - take, left) == left)
            {
                return take;
            }
        }
    }

    /// <summary>What a claim did not use (fewer mails were due).</summary>
    public void Return(int unused) => Interlocked.Add(ref _left, unused);
}
