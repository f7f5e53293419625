using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Timers;

/// <summary>Fires every due timer, oldest first. Any number of pumps may run at once: each timer is claimed once.</summary>
public sealed class TimerPump(IEngineDbFactory dbFactory, WorkflowEngine engine, TimeProvider clock)
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
        foreach (var timer in due)
        {
            if (await engine.FireTimerAsync(timer, cancellationToken))
            {
                fired++;
            }
        }
        return fired;
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
