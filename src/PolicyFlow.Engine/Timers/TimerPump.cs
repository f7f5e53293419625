using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Timers;

/// <summary>Fires every due timer, oldest first. Any number of pumps may run at once: each timer is claimed once.</summary>
public sealed class TimerPump(IEngineDbFactory dbFactory, WorkflowEngine engine, TimeProvider clock, ILogger<TimerPump> logger)
{
    /// <summary>Fires the timers due now, at most <paramref name="batchSize"/>; returns how many this pump fired.</summary>
    public async Task<int> PumpOnceAsync(int batchSize, CancellationToken cancellationToken = default)
    {
        List<WorkflowTimer> due;
        await using (var db = dbFactory.Create())
        {
            var now = clock.GetUtcNow();
            due = await db.Timers.AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
                .OrderBy(t => t.DueAt)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        }
        var fired = 0;
        // Chunks hold different timers, so on a database with row locks they commit side by side without contention.
        // Each pump takes its chunks in its own random order: two hosts looking at the same backlog then mostly claim
        // different chunks instead of queueing behind each other's row locks on the same first one.
        var chunks = due.Chunk(ChunkSize).ToArray();
        Random.Shared.Shuffle(chunks);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) => Interlocked.Add(ref fired, await FireChunkAsync(chunk, ct)));
        return fired;
    }

    /// <summary>Chunks fired at once: 1 for SQLite (one writer at a time anyway), more for PostgreSQL.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Timers fired in one transaction: many per commit is what lets a backlog drain fast.</summary>
    public const int ChunkSize = 50;

    private async Task<int> FireChunkAsync(WorkflowTimer[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.FireTimersAsync(chunk, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && chunk.Length > 1)
        {
            // One timer's effect failed the whole chunk: fire them one by one so the others are not held back.
            var fired = 0;
            foreach (var timer in chunk)
            {
                try
                {
                    fired += await engine.FireTimersAsync([timer], cancellationToken);
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    // It stays pending and is tried again on the next round; the log says why.
                    logger.LogError(single, "Timer {TimerId} ({Kind}) failed to fire", timer.Id, timer.Kind);
                }
            }
            return fired;
        }
    }

    /// <summary>Pumps until nothing is due.</summary>
    public async Task<int> DrainAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        var total = 0;
        int fired;
        do
        {
            fired = await PumpOnceAsync(batchSize, cancellationToken);
            total += fired;
        }
        while (fired > 0);
        return total;
    }

    /// <summary>When the next pending timer is due, or null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Timers.Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt)
            .Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
    }
}
