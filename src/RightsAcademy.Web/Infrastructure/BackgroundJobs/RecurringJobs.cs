using Hangfire;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Every recurring job, in one place. Registered (or updated, by id) when a node that processes jobs starts, so
/// the schedule in storage always matches the code that runs.
/// </summary>
internal sealed class RecurringJobs(IRecurringJobManager jobs) : IHostedService
{
    public const string OutboxDelivery = "outbox-delivery";
    public const string CertificateIssuing = "certificate-issuing";

    public const string CohortLifecycle = "cohort-lifecycle";
    public const string DueSoonMails = "due-soon-mails";
    public const string InactivityNudges = "inactivity-nudges";
    public const string Digests = "digests";
    public const string SessionMails = "session-mails";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // New mail is enqueued the moment it is written; this run picks up retries as they fall due, mail whose
        // enqueue was lost, and rows left in Sending by a run that died.
        jobs.AddOrUpdate<DeliverOutbox>(OutboxDelivery, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        // Cohort days begin at midnight in each cohort's own zone, so an hourly run moves each one along within the
        // hour whatever its zone; the job is idempotent, so running more often costs one query.
        jobs.AddOrUpdate<RunCohortLifecycle>(CohortLifecycle, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        // Issues certificates for completed courses that have none yet, and replaces those whose learner corrected
        // their name: the guarantee behind the enqueue on completion, which is only a speed-up.
        jobs.AddOrUpdate<IssuePendingCertificates>(CertificateIssuing, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        // Mail derived from dates and activity. Each job works out what is due now from the current data (a moved
        // due date moves its mail) and keys every mail by event, so re-runs and overlaps send nothing twice; quiet
        // hours and digest times are per recipient's zone, which an hourly run meets within the hour.
        jobs.AddOrUpdate<SendDueSoonMails>(DueSoonMails, job => job.RunAsync(CancellationToken.None), Cron.Hourly(5));
        jobs.AddOrUpdate<SendInactivityNudges>(InactivityNudges, job => job.RunAsync(CancellationToken.None), Cron.Hourly(10));
        jobs.AddOrUpdate<SendDigests>(Digests, job => job.RunAsync(CancellationToken.None), Cron.Hourly(15));
        // Session invitations and reminders, derived each minute from the current answers and start times: a 1 h
        // reminder needs minute precision, and a rescheduled session's reminders follow its new start.
        jobs.AddOrUpdate<SendSessionMails>(SessionMails, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
