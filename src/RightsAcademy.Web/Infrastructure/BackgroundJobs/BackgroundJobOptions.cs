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

    /// <summary>Off on a node that should only serve pages; jobs then run on the other nodes.</summary>
    public bool RunServer { get; set; } = true;
}
