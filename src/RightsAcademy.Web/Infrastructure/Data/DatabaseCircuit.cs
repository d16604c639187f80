namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// Remembers that PostgreSQL could not be reached, so that while it is down a request fails at once instead of every
/// request waiting for its own connection attempt (up to the connect timeout each, 32 clients at a time). After a
/// failure, connection attempts are refused for <see cref="OpenFor"/>; then one attempt at a time is let through as a
/// probe, and the first connection that opens closes the circuit for everyone.
/// </summary>
public sealed partial class DatabaseCircuit(TimeProvider time, ILogger<DatabaseCircuit> logger)
{
    /// <summary>Short: a restart takes seconds, and every request in this window gets a 503 it might not have needed.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private long _openUntil; // timestamp; 0 while closed
    private long _downSince;
    private long _probeStarted; // timestamp of the attempt let through while open; 0 when none

    /// <summary>A probe that never reported (its request was cancelled) must not keep the circuit shut for good.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(DataServiceCollectionExtensions.DefaultConnectTimeoutSeconds + 1);

    public bool IsOpen => Volatile.Read(ref _openUntil) != 0;

    /// <summary>Whether a connection attempt may go ahead now.</summary>
    public bool AllowAttempt()
    {
        if (Volatile.Read(ref _openUntil) == 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_openUntil == 0)
            {
                return true;
            }

            if (now < _openUntil)
            {
                return false;
            }

            if (_probeStarted != 0 && time.GetElapsedTime(_probeStarted, now) < ProbeTimeout)
            {
                return false;
            }

            _probeStarted = now;
            return true;
        }
    }

    public void ReportFailure(Exception exception)
    {
        bool tripped;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            tripped = _openUntil == 0;
            if (tripped)
            {
                _downSince = now;
            }

            _openUntil = now + (long)(OpenFor.TotalSeconds * time.TimestampFrequency);
            _probeStarted = 0;
        }

        if (tripped)
        {
            LogDown(logger, exception.GetBaseException().Message, (int)OpenFor.TotalSeconds);
        }
    }

    public void ReportSuccess()
    {
        if (Volatile.Read(ref _openUntil) == 0)
        {
            return;
        }

        TimeSpan down;
        lock (_gate)
        {
            if (_openUntil == 0)
            {
                return;
            }

            down = time.GetElapsedTime(_downSince);
            _openUntil = 0;
            _probeStarted = 0;
        }

        LogUp(logger, down.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "PostgreSQL is unreachable ({Reason}); requests that need it answer 503 at once, and a connection is tried again every {Seconds} s")]
    private static partial void LogDown(ILogger logger, string reason, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is reachable again after {Seconds:0.0} s")]
    private static partial void LogUp(ILogger logger, double seconds);
}
