using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RightsAcademy.Web.Infrastructure.Diagnostics;

/// <summary>
/// Counts the commands EF Core sends while a request runs (one round trip each; a batched SaveChanges counts once).
/// The count lives in an async-local box set by <see cref="SqlCommandCountingMiddleware"/>, so concurrent requests
/// never mix, and commands outside a request (jobs, start-up) are not counted.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    /// <summary>Starts counting for the current async flow; the box holds the count so far.</summary>
    public static StrongBox<int> Begin() => Current.Value = new StrongBox<int>();

    private static void Count()
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}

/// <summary>Counts per request and reports the count in a response header, written when the headers go out.</summary>
internal sealed class SqlCommandCountingMiddleware(RequestDelegate next)
{
    public const string Header = "X-Sql-Commands";

    // Async so the async-local box set here belongs to this request's flow only, not to the connection's loop.
    public async Task InvokeAsync(HttpContext context)
    {
        var count = SqlCommandCounter.Begin();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    }
}
