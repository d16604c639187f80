using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RightsAcademy.Web.Features.Health;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        var timeout = TimeSpan.FromSeconds(3);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: timeout)
            .AddCheck<JobStorageHealthCheck>("jobs", timeout: timeout);
        return builder;
    }

    /// <summary>Public on purpose (load balancers probe it); it says which part is down, nothing more.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJsonAsync })
            .AllowAnonymous()
            // A probe only reads: other methods get 405, so no unsafe method reaches an endpoint without antiforgery.
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
            .DisableHttpMetrics();
        return endpoints;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
