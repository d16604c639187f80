using Hangfire;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Every recurring job, in one place. Registered (or updated, by id) when a node that processes jobs starts, so
/// the schedule in storage always matches the code that runs.
/// </summary>
internal sealed class RecurringJobs(IRecurringJobManager jobs) : IHostedService
{
    public const string OutboxDelivery = "outbox-delivery";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // New mail is enqueued the moment it is written; this run picks up retries as they fall due, mail whose
        // enqueue was lost, and rows left in Sending by a run that died.
        jobs.AddOrUpdate<DeliverOutbox>(OutboxDelivery, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
