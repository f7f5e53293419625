using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Engine.Outbox;

/// <summary>
/// Sends due outbox messages. Each is claimed with a conditional update that moves its next attempt a lease ahead, so any
/// number of dispatchers on any number of hosts send it once; a crash after sending re-sends it once, after the lease.
/// </summary>
public sealed class OutboxDispatcher
{
    private const int MaxErrorLength = 2000;

    private readonly IEngineDbFactory _dbFactory;
    private readonly IMailSender _sender;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly DigestGatherer? _digests;

    /// <param name="digestComposer">Writes digests; without one, reminders are sent one by one.</param>
    public OutboxDispatcher(IEngineDbFactory dbFactory, IMailSender sender, OutboxOptions options, TimeProvider clock,
        IDigestComposer? digestComposer = null)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _dbFactory = dbFactory;
        _sender = sender;
        _options = options;
        _clock = clock;
        _digests = options.DigestReminders && digestComposer is not null ? new DigestGatherer(dbFactory, digestComposer, options, clock) : null;
    }

    /// <summary>Gathers due reminders into digests, then tries up to <paramref name="batchSize"/> due messages; returns how many it tried.</summary>
    public async Task<int> DispatchAsync(int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (_digests is not null)
        {
            await _digests.GatherAsync(cancellationToken);
        }
        await using var db = _dbFactory.Create();
        var now = _clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var tried = 0;
        foreach (var message in due)
        {
            // Claimed one at a time, just before sending: the lease then only has to cover one message's delivery.
            if (await TryClaimAsync(db, message, cancellationToken))
            {
                await DeliverAsync(db, message, cancellationToken);
                tried++;
            }
        }
        return tried;
    }

    private async Task<bool> TryClaimAsync(EngineDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var leaseUntil = now + _options.Lease;
        var attempts = message.Attempts;
        var claimed = await db.Outbox
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && m.Attempts == attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, leaseUntil)
                .SetProperty(m => m.Attempts, attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        message.Attempts = attempts + 1;
        message.NextAttemptAt = leaseUntil;
        return true;
    }

    private async Task DeliverAsync(EngineDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        string? error = null;
        var permanent = false;
        try
        {
            await _sender.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-send: the lease runs out and the message is tried again, with the same Message-ID.
            throw;
        }
        catch (MailDeliveryException ex)
        {
            error = ex.Message;
            permanent = ex.Permanent;
        }
        catch (Exception ex)
        {
            // Anything else a sender throws (a bug, a timeout) is a passing failure: retried with backoff, then Failed.
            error = $"{ex.GetType().Name}: {ex.Message}";
        }
        if (error is null)
        {
            await MarkSentAsync(db, message);
        }
        else
        {
            await MarkFailedAsync(db, message, error, permanent);
        }
    }

    // Recorded even when the host is stopping: the mail has left, and a missing mark would send it again.
    private async Task MarkSentAsync(EngineDbContext db, OutboxMessage message)
    {
        var now = _clock.GetUtcNow();
        await db.Outbox
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    private async Task MarkFailedAsync(EngineDbContext db, OutboxMessage message, string error, bool permanent)
    {
        var now = _clock.GetUtcNow();
        var failed = permanent || message.Attempts >= _options.MaxAttempts;
        var status = failed ? OutboxStatus.Failed : OutboxStatus.Pending;
        var next = failed ? now : now + _options.RetryDelay(message.Attempts);
        var lastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        var attempts = message.Attempts;
        // Only while our claim stands: after a lease ran out another dispatcher owns the message and records its own outcome.
        await db.Outbox
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.Attempts == attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, lastError), CancellationToken.None);
    }
}
