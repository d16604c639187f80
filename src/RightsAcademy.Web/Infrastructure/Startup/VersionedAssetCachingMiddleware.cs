namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// Stylesheets are linked with <c>asp-append-version</c>, whose <c>?v=</c> is a hash of the file: a changed file
/// gets a new URL, so browsers may keep each version for a year instead of asking again on every page.
/// </summary>
internal sealed class VersionedAssetCachingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("v") && Path.HasExtension(context.Request.Path.Value))
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
