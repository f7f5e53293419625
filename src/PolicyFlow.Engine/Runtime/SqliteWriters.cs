using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Engine.Runtime;

/// <summary>
/// One engine transaction at a time per SQLite file in this process. SQLite has one writer, and a transaction begun while
/// another writes waits in SQLite's busy handler, which sleeps and polls (up to 100 ms a turn): callers queued here instead
/// are handed the file in order the moment the previous one commits. Other processes on the same file still meet SQLite's own
/// lock and busy timeout. PostgreSQL is not gated.
/// </summary>
internal static class SqliteWriters
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    public static async Task<IDisposable?> EnterAsync(EngineDbContext db, CancellationToken cancellationToken)
    {
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
