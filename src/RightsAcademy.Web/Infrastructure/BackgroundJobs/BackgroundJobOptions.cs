using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

public sealed class BackgroundJobOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>How often idle workers look for new jobs; Hangfire.PostgreSql's 15 s default makes mail feel broken.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00",
        ErrorMessage = "Setting BackgroundJobs:QueuePollInterval must be between 50 ms and 1 minute.")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00",
        ErrorMessage = "Setting BackgroundJobs:SchedulePollingInterval must be between 50 ms and 5 minutes.")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 64, ErrorMessage = "Setting BackgroundJobs:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// How long a job fetched by a worker that stopped answering (process killed, node lost) stays invisible before
    /// another worker takes it again. Sliding: a live worker renews its claim every fifth of this time, so a job may
    /// run longer than this without being taken twice. Hangfire.PostgreSql's fixed 30-minute default would leave the
    /// work of a crashed node waiting half an hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00",
        ErrorMessage = "Setting BackgroundJobs:InvisibilityTimeout must be between 5 seconds and 1 hour.")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a lock Hangfire keeps in the database (the recurring and delayed job schedulers take one for a few
    /// milliseconds on every poll) is honoured after it was taken. A node killed while holding one leaves it behind; until
    /// it expires no node schedules recurring or delayed jobs. Hangfire.PostgreSql's default is 10 minutes. A lock held
    /// longer than this may be taken by a second node: harmless for the schedulers (a few milliseconds) and for the
    /// storage's clean-up, the only other users (no job uses DisableConcurrentExecution).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00",
        ErrorMessage = "Setting BackgroundJobs:DistributedLockTimeout must be between 5 seconds and 10 minutes.")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off on a node that should only serve pages; jobs then run on the other nodes.</summary>
    public bool RunServer { get; set; } = true;
}
