using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.States;
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

    // The delivery job this process last enqueued, until a run starts here; null when none. Only a hint of which job to
    // ask Hangfire about: whether it still waits in the queue is read from the storage (see Enqueue), since any node's
    // worker may take it. A time window ("enqueued less than a second ago covers new mail") lost mail that was committed
    // after the run had started on another node and looked: nothing enqueued a run for it until the recurring one.
    private string? _queuedJob;

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
    /// have looked. Saves asking the storage whether the job this process enqueued is still waiting: on a single node it
    /// is usually the run that starts.
    /// </summary>
    public void RunStarted() => Interlocked.Exchange(ref _queuedJob, null);

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
        try
        {
            // One waiting run covers every mail committed before it starts: thousands of one-mail transactions (session
            // invitations) would otherwise queue thousands of runs, and work behind them (certificates) would wait.
            if (Volatile.Read(ref _queuedJob) is { } queued && StillQueued(queued))
            {
                return;
            }

            var job = services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverOutbox>(run => run.RunAsync(CancellationToken.None));
            Interlocked.Exchange(ref _queuedJob, job);
        }
#pragma warning disable CA1031 // The mail is safely in the outbox; failing the user's request over a missed speed-up would be worse.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Exchange(ref _queuedJob, null);
            LogEnqueueFailed(ex);
        }
    }

    /// <summary>
    /// Whether the job is still Enqueued, i.e. no worker on any node has taken it. The mail was committed before this
    /// read; a worker sets the job Processing before the run starts and looks, so a run that this read saw waiting
    /// looks later and finds the mail. One read by primary key, where an enqueue writes several rows.
    /// </summary>
    private bool StillQueued(string job)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(job)?.Name == EnqueuedState.StateName;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue outbox delivery; the recurring run will send the mail")]
    private partial void LogEnqueueFailed(Exception ex);
}
