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

    /// <summary>
    /// Public on purpose (load balancers probe them); they say which part is down, nothing more. /healthz is readiness
    /// (send traffic here?): unhealthy while PostgreSQL or the job storage is down. /healthz/live is liveness (restart
    /// this process?): it checks nothing but that the process answers, so an orchestrator does not restart a node
    /// that only waits for its database and will recover by itself.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        Probe(endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }));
        Probe(endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { ResponseWriter = WriteJsonAsync, Predicate = _ => false }));
        return endpoints;
    }

    private static void Probe(IEndpointConventionBuilder endpoint) =>
        endpoint
            .AllowAnonymous()
            // A probe only reads: other methods get 405, so no unsafe method reaches an endpoint without antiforgery.
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
            .DisableHttpMetrics();

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
