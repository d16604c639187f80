using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// Lets a bounded number of page requests (GET and HEAD to a controller action) do their work at once, and queues the
/// rest first come, first served. Under saturation every request shares the two cores with PostgreSQL; left to the
/// thread pool and the OS scheduler, most pages were quick while one in a hundred waited many times the median
/// (lesson page at 32 connections on the benchmark data, seven runs: p50 18–24 ms, p99 48–542 ms, median 84 ms).
/// Queued in arrival order, the wait is shared out evenly (four runs with four turns: p99 38–72 ms, median 40 ms) at
/// the same rate (README, Performance). The wait is a queue, never an error.
/// </summary>
/// <remarks>
/// A request gives its turn back as soon as its response starts, so a slow reader of a large download does not hold
/// it. Forms and uploads (other methods) are not gated: a slow upload would hold a turn for as long as it lasts.
/// Health checks and static files are not controller actions and are never queued behind pages.
/// </remarks>
internal sealed class PageRequestGate(RequestDelegate next, IOptions<PageConcurrencyOptions> options)
{
    private readonly ConcurrencyLimiter? _limiter = options.Value.Limit is { } limit
        ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limit,
            // Bounded only so that memory is: far beyond what Kestrel's connection limits let in.
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })
        : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_limiter is null || !IsPage(context))
        {
            await next(context);
            return;
        }

        var lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var turn = new Turn(lease);
        context.Response.OnStarting(static state =>
        {
            ((Turn)state).End();
            return Task.CompletedTask;
        }, turn);
        try
        {
            await next(context);
        }
        finally
        {
            turn.End();
        }
    }

    private static bool IsPage(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null;

    /// <summary>Ends once: at the response's start or at the end of the request, whichever comes first.</summary>
    private sealed class Turn(RateLimitLease lease)
    {
        private int _ended;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                lease.Dispose();
            }
        }
    }
}
