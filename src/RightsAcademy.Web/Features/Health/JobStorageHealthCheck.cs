using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RightsAcademy.Web.Features.Health;

internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A real round trip to the hangfire schema, not just a pooled connection.
            using var connection = storage.GetConnection();
            _ = connection.GetAllItemsFromSet("health-probe");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable"));
        }
    }
}
