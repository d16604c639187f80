namespace RightsAcademy.Web.Infrastructure.Data;

/// <summary>
/// After PostgreSQL restarts, the connections idle in the pool are dead, and nothing notices until one is used: the
/// first request afterwards fails (and <see cref="DatabaseCircuitInterceptor"/> then drops the rest). A GET or HEAD
/// changes nothing, so it is run once more, in a fresh service scope (a new DbContext) on a fresh connection, and the
/// reader never sees the restart. Forms are not retried: whether a write went through is for the person to see, and
/// the 503 page tells them it was not saved.
/// </summary>
internal sealed partial class StaleConnectionRetryMiddleware(RequestDelegate next, IServiceScopeFactory scopes, ILogger<StaleConnectionRetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
            return;
        }
        // The circuit's own refusal means the server is known to be down: trying again at once cannot help.
        catch (Exception ex) when (ex is not DatabaseUnavailableException && DatabaseFailures.IsUnavailable(ex) && !context.Response.HasStarted
            && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = ex.GetBaseException().Message;
            LogRetry(logger, context.Request.Path, reason);
        }

        await using var scope = scopes.CreateAsyncScope();
        var original = context.RequestServices;
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GET {Path} failed on a database connection ({Reason}); running it once more on a new one")]
    private static partial void LogRetry(ILogger logger, PathString path, string reason);
}
