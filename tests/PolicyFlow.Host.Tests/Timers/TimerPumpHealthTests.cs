using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolicyFlow.Host.Jobs;

namespace PolicyFlow.Host.Tests.Timers;

/// <summary>A host is ready only once its timer pump is looking for due timers.</summary>
public sealed class TimerPumpHealthTests
{
    [Fact]
    public async Task BeforeThePumpsFirstLook_TheHostIsNotReady_AndAfterItItIs()
    {
        var heartbeat = new TimerPumpHeartbeat();
        var check = new TimerPumpHealthCheck(heartbeat);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        heartbeat.Beat();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("timer pump not started yet", before.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }
}
