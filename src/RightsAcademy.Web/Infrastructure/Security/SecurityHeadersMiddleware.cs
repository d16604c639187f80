namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>Headers that make injected markup inert even if something slips past sanitising.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // Hangfire's dashboard ships inline scripts and styles; it is Admin-only.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var isDashboard = context.Request.Path.StartsWithSegments(BackgroundJobs.BackgroundJobsServiceCollectionExtensions.DashboardPath);
        headers.ContentSecurityPolicy = isDashboard ? DashboardPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        return next(context);
    }
}
