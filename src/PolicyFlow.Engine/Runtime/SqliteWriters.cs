using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace PolicyFlow.Engine.Runtime;

/// <summary>
/// One engine transaction at a time per SQLite file in this process. SQLite has one writer, and a transaction begun while
/// another writes waits in SQLite's busy handler, which sleeps and polls (up to 100 ms a turn): callers queued here instead
/// are handed the file in order the moment the previous one commits. Other processes on the same file still meet SQLite's own
/// lock and busy timeout. PostgreSQL is not gated. Every frequent writer to the file enters here — the engine's units of work
/// and the audit line each request writes — or it meets the others in the busy handler.
/// </summary>
public static class SqliteWriters
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write to <paramref name="db"/>'s SQLite file; null (no wait) on PostgreSQL.</summary>
    public static async Task<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) != true)
        {
            return null;
        }
        var gate = Files.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        // Past SQLite's own busy timeout the caller goes on ungated and meets SQLite's lock, as it would without this queue.
        return await gate.WaitAsync(BusyTimeout, cancellationToken) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
