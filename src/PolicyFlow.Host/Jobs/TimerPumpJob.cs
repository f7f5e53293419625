using Hangfire;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Host.Jobs;

/// <summary>
/// The Hangfire job that drives every timer. It runs for about a minute, firing due rows in batches and looking again
/// every <see cref="PollInterval"/>; Hangfire starts it every minute, so a crashed or restarted host loses nothing —
/// the rows are the truth and the next run finds them.
/// </summary>
public sealed class TimerPumpJob(TimerPump pump, TimerSignal signal, TimerPumpHeartbeat heartbeat, TimeProvider clock, ILogger<TimerPumpJob> logger,
    IBackgroundJobClient? jobs = null)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan RunFor = TimeSpan.FromSeconds(58);
    public const int BatchSize = 500;

    /// <summary>Pumps for about a minute; with a host <paramref name="queue"/>, then hands over to the next run on it.</summary>
    public async Task RunAsync(string? queue, CancellationToken cancellationToken)
    {
        await PumpAsync(cancellationToken);
        if (queue is not null && jobs is not null && !cancellationToken.IsCancellationRequested)
        {
            jobs.Enqueue<TimerPumpJob>(queue, job => job.RunAsync(queue, CancellationToken.None));
        }
    }

    /// <summary>Fires due timers until the minute is up or the host stops.</summary>
    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + RunFor;
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < until)
        {
            int fired;
            heartbeat.Beat();
            try
            {
                fired = await pump.PumpOnceAsync(BatchSize, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing batch is retried on the next poll; the job itself must keep running.
                logger.LogError(ex, "Timer pump batch failed");
                fired = 0;
            }
            if (fired == 0)
            {
                await signal.WaitAsync(PollInterval, cancellationToken);
            }
        }
    }
}
