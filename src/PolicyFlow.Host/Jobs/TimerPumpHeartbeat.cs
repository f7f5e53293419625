using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyFlow.Host.Jobs;

/// <summary>When this host's timer pump last looked for due timers (wall time, whatever clock the engine runs on).</summary>
public sealed class TimerPumpHeartbeat
{
    private long _lastBeat;

    public void Beat() => Interlocked.Exchange(ref _lastBeat, Stopwatch.GetTimestamp());

    /// <summary>Time since the last look, or null before the first one.</summary>
    public TimeSpan? SinceLastBeat()
    {
        var last = Interlocked.Read(ref _lastBeat);
        return last == 0 ? null : Stopwatch.GetElapsedTime(last);
    }
}

/// <summary>
/// Healthy once this host's pump is looking for due timers. A host that answers HTTP but fires nothing is not ready:
/// a load balancer (and a test starting two hosts) waits for it. The pump looks every 200 ms, and a broken chain is
/// restarted by the minutely job, so two minutes without a look means timers are not being fired here.
/// </summary>
internal sealed class TimerPumpHealthCheck(TimerPumpHeartbeat heartbeat) : IHealthCheck
{
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = heartbeat.SinceLastBeat();
        return Task.FromResult(since switch
        {
            null => HealthCheckResult.Unhealthy("timer pump not started yet"),
            var s when s > Stale => HealthCheckResult.Unhealthy($"timer pump silent for {s.Value.TotalSeconds:0} s"),
            _ => HealthCheckResult.Healthy("timer pump running"),
        });
    }
}
