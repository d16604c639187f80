namespace RightsAcademy.Web.Testing;

/// <summary>A clock a test sets by hand, to run date-driven code (jobs, windows) at chosen instants.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
