using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Jobs;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// The ceiling of firing timers: one statement claims and updates up to a chunk of due timers (with SKIP LOCKED on PostgreSQL, so
/// chunks run side by side), and the same transaction writes the rows the engine's firing of a chunk wrote (its journal lines and
/// notices, captured), over plain ADO.NET.
/// </summary>
internal sealed class TimerCeiling
{
    private readonly DbFactory _factory;
    private readonly RowReplay _chunk;

    private TimerCeiling(DbFactory factory, RowReplay chunk)
    {
        _factory = factory;
        _chunk = chunk;
    }

    /// <summary>Fires one chunk of <paramref name="dueReminders"/> with the engine and keeps what it wrote besides the timer rows.</summary>
    public static async Task<TimerCeiling> CaptureAsync(ServiceProvider services, DbFactory factory, IReadOnlyList<WorkflowTimer> dueReminders)
    {
        await using (var db = factory.Create())
        {
            db.Timers.AddRange(dueReminders);
            await db.SaveChangesAsync();
        }
        var tables = RowCapture.Tables(factory);
        var before = await RowCapture.TakeAsync(factory, tables);
        await services.GetRequiredService<TimerPump>().PumpOnceAsync(TimerPump.ChunkSize);
        var delta = RowCapture.Diff(tables, before, await RowCapture.TakeAsync(factory, tables));
        var rest = delta with { Updated = [.. delta.Updated.Where(r => r.Table.Name != "pf_timers")] };
        return new TimerCeiling(factory, new RowReplay(factory, rest));
    }

    /// <summary>Claims chunks until none is due, <paramref name="parallelism"/> at once; returns how many timers it fired.</summary>
    public async Task<int> DrainAsync(int parallelism)
    {
        var fired = 0;
        await Parallel.ForAsync(0, parallelism, async (_, _) =>
        {
            int claimed;
            do
            {
                claimed = 0;
                await _chunk.WriteOnceAsync(async (connection, transaction) => claimed = await ClaimAsync(connection, transaction));
                Interlocked.Add(ref fired, claimed);
            }
            while (claimed > 0);
        });
        return fired;
    }

    /// <summary>The host's pump loop in plain ADO.NET: drain, then look again after the same poll interval.</summary>
    public async Task PumpAsync(int parallelism, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await DrainAsync(parallelism);
            try
            {
                await Task.Delay(TimerPumpJob.PollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> ClaimAsync(DbConnection connection, DbTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var skipLocked = _factory.Provider == StorageProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : "";
        command.CommandText = $"""
            UPDATE pf_timers SET "Status" = 'Fired', "FiredAt" = @now, "LatenessMs" = @now - "DueAt"
            WHERE "Id" IN (SELECT "Id" FROM pf_timers WHERE "Status" = 'Pending' AND "DueAt" <= @now ORDER BY "DueAt" LIMIT {TimerPump.ChunkSize}{skipLocked})
            """;
        var now = command.CreateParameter();
        now.ParameterName = "@now";
        now.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        command.Parameters.Add(now);
        return await command.ExecuteNonQueryAsync();
    }
}
