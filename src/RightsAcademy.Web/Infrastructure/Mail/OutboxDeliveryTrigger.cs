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
    private static readonly object Waiting = new();

    // Contexts whose open transaction wrote mail; weak, so a context disposed without committing leaves nothing behind.
    private readonly ConditionalWeakTable<DbContext, object> _waiting = [];

    public void RequestDelivery(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Enqueue();
        }
        else
        {
            _waiting.AddOrUpdate(db, Waiting);
        }
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
        if (eventData.Context is { } db && _waiting.Remove(db))
        {
            Enqueue();
        }
    }

    private void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _waiting.Remove(db);
        }
    }

    private void Enqueue()
    {
        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverOutbox>(job => job.RunAsync(CancellationToken.None));
        }
#pragma warning disable CA1031 // The mail is safely in the outbox; failing the user's request over a missed speed-up would be worse.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEnqueueFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue outbox delivery; the recurring run will send the mail")]
    private partial void LogEnqueueFailed(Exception ex);
}
