using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// Enqueues a delivery run as soon as new mail is visible to other connections: at once when it was written outside
/// a transaction, or when the transaction that wrote it commits. Enqueued earlier, the run could look before the
/// commit and find nothing. Only a speed-up: the recurring run delivers anything this misses.
/// </summary>
public sealed partial class OutboxDeliveryTrigger(IServiceProvider services, ILogger<OutboxDeliveryTrigger> logger) : DbTransactionInterceptor
{
    // The transaction (EF's TransactionId) that wrote mail, per context, until it commits or rolls back. Matched by
    // transaction, not just by context: contexts are pooled (AddDbContextPool) and serve request after request, and a
    // transaction that is only disposed (an exception, a request that ends without committing, the pool resetting the
    // context) raises neither TransactionCommitted nor TransactionRolledBack. Its entry must not make the next, unrelated
    // commit on the same context enqueue a run. Weak, so a context that is not pooled leaves nothing behind.
    private readonly ConditionalWeakTable<DbContext, StrongBox<Guid>> _waiting = [];

    /// <summary>How long an enqueued run is taken to cover further mail when no run has started in this process.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromSeconds(1);

    // When this process last enqueued a run that has not started here yet (Environment.TickCount64), 0 when none. The
    // window bounds the case where that run starts on another node: mail is then at most a second behind a new run.
    private long _queuedAt;

    // 1 while a delivery run is sending in this process; _missed is 1 when a run gave way to it since it began.
    private int _running;
    private int _missed;

    public void RequestDelivery(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Enqueue();
        }
        else
        {
            _waiting.AddOrUpdate(db, new StrongBox<Guid>(db.Database.CurrentTransaction.TransactionId));
        }
    }

    // A transaction that begins on a context ends whatever an earlier one left there: one disposed without commit or
    // rollback wrote nothing that will ever be visible. (The transaction id check in Committed would ignore it too;
    // this keeps a pooled context from carrying the entry around.)
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionUsedAsync(DbConnection connection, TransactionEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        // Only the commit of the transaction that wrote the mail; a context serves one operation at a time, so the entry
        // cannot change between the read and the removal.
        if (eventData.Context is { } db && _waiting.TryGetValue(db, out var wrote) && wrote.Value == eventData.TransactionId)
        {
            _waiting.Remove(db);
            Enqueue();
        }
    }

    private void Forget(TransactionEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _waiting.Remove(db);
        }
    }

    /// <summary>
    /// Called by a delivery run as it starts: mail committed from now on needs a new run, since this one may already
    /// have looked. Until then, further requests are covered by the run already waiting in the queue.
    /// </summary>
    public void RunStarted() => Interlocked.Exchange(ref _queuedAt, 0);

    /// <summary>
    /// One delivery run sends at a time in this process (it sends over several connections itself). Runs that start
    /// meanwhile, enqueued by commits or the recurring schedule, would each hold a Hangfire worker while sending the
    /// same queue, until no worker was left for other jobs (certificates waited behind a dozen delivery runs). Such a
    /// run gives way and returns at once; the running one starts a new run as it ends (<see cref="EndRun"/>), so mail
    /// committed after it last looked still goes out at once. Other nodes run their own; claims keep them apart.
    /// </summary>
    public bool TryBeginRun()
    {
        while (true)
        {
            if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            {
                return true;
            }

            Interlocked.Exchange(ref _missed, 1);
            // Still running after _missed was set: EndRun has yet to clear the flag, and will read _missed after it.
            if (Volatile.Read(ref _running) == 1)
            {
                return false;
            }
        }
    }

    /// <summary>Ends the run begun by <see cref="TryBeginRun"/>; true when another run gave way meanwhile.</summary>
    public bool EndRun()
    {
        Interlocked.Exchange(ref _running, 0);
        return Interlocked.Exchange(ref _missed, 0) == 1;
    }

    private void Enqueue()
    {
        // One waiting run covers every mail committed before it starts: thousands of one-mail transactions (session
        // invitations) would otherwise queue thousands of runs, and work behind them (certificates) would wait.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _queuedAt);
        if (last != 0 && now - last < (long)CoalesceWindow.TotalMilliseconds)
        {
            return;
        }

        Interlocked.Exchange(ref _queuedAt, now);

        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverOutbox>(job => job.RunAsync(CancellationToken.None));
        }
#pragma warning disable CA1031 // The mail is safely in the outbox; failing the user's request over a missed speed-up would be worse.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Exchange(ref _queuedAt, 0);
            LogEnqueueFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue outbox delivery; the recurring run will send the mail")]
    private partial void LogEnqueueFailed(Exception ex);
}
