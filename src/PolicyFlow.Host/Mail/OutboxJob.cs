using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Mail;

/// <summary>
/// The Hangfire job that sends the outbox. Like the timer pump it runs for about a minute, dispatching due messages and
/// looking again every <see cref="PollInterval"/>; Hangfire starts it every minute, so a restarted host loses nothing.
/// </summary>
public sealed class OutboxJob(OutboxDispatcher dispatcher, TimeProvider clock, ILogger<OutboxJob> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RunFor = TimeSpan.FromSeconds(58);
    public const int BatchSize = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + RunFor;
        while (!cancellationToken.IsCancellationRequested && clock.GetUtcNow() < until)
        {
            int tried;
            try
            {
                tried = await dispatcher.DispatchAsync(BatchSize, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failing round (the database away for a moment) is retried on the next poll; the job keeps running.
                logger.LogError(ex, "Outbox dispatch failed");
                tried = 0;
            }
            if (tried == 0)
            {
                try
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
