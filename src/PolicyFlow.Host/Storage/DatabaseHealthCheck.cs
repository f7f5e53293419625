using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyFlow.Host.Storage;

/// <summary>Healthy when the workflow database answers.</summary>
internal sealed class DatabaseHealthCheck(DbFactory storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = storage.Create();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{storage.Provider} reachable")
            : HealthCheckResult.Unhealthy($"{storage.Provider} unreachable");
    }
}
