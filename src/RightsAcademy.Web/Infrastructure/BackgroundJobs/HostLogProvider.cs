using Hangfire.AspNetCore;
using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Hangfire's log provider is process-wide: the one of the host that configured Hangfire last. When that host is
/// gone (several hosts in one process: every test class) its logger factory is disposed, and Hangfire creating a
/// client, a recurring-job manager or a server for a live host would throw. Logging is not worth failing for: this
/// provider writes to the host's logs as Hangfire's own does, and logs nothing once that host has stopped.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class GuardedLog(ILog inner) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string> messageFunc, Exception exception = null!)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string> messageFunc, Exception exception = null!) => false;
    }
}
