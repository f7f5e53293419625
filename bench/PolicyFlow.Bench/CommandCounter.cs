using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyFlow.Bench;

/// <summary>
/// Counts what EF Core does against the database: SQL commands sent (each one a round trip) and the time they took, SaveChanges
/// calls, commits, and transactions abandoned (a unit of work that conflicted and was retried by the engine).
/// </summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private long _commands;
    private long _commandTicks;
    private long _saves;
    private long _saveTicks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DbContext, long> _saving = new();
    private long _commits;
    private long _started;

    public CommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public long Commands => Interlocked.Read(ref _commands);
    public long Commits => Interlocked.Read(ref _commits);
    public long Saves => Interlocked.Read(ref _saves);

    /// <summary>Time inside SaveChanges (detecting changes, building the commands, executing them), summed over all callers.</summary>
    public TimeSpan SaveTime => TimeSpan.FromTicks(Interlocked.Read(ref _saveTicks));

    /// <summary>Transactions begun and not committed: with the engine's units of work, each is a conflict retried from a fresh read.</summary>
    public long Abandoned => Interlocked.Read(ref _started) - Commits;

    /// <summary>Time spent executing commands (sent until the reader or result came back), summed over all callers.</summary>
    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _commandTicks, 0);
        Interlocked.Exchange(ref _saves, 0);
        Interlocked.Exchange(ref _saveTicks, 0);
        Interlocked.Exchange(ref _commits, 0);
        Interlocked.Exchange(ref _started, 0);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name)
        {
            Interlocked.Increment(ref _commands);
        }
        else if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Add(ref _commandTicks, executed.Duration.Ticks);
        }
        else if (value.Key == CoreEventId.SaveChangesStarting.Name && value.Value is DbContextEventData { Context: { } starting })
        {
            Interlocked.Increment(ref _saves);
            _saving[starting] = Stopwatch.GetTimestamp();
        }
        else if ((value.Key == CoreEventId.SaveChangesCompleted.Name || value.Key == CoreEventId.SaveChangesFailed.Name)
            && value.Value is DbContextEventData { Context: { } saved } && _saving.TryRemove(saved, out var started))
        {
            Interlocked.Add(ref _saveTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name)
        {
            Interlocked.Increment(ref _commits);
        }
        else if (value.Key == RelationalEventId.TransactionStarted.Name)
        {
            Interlocked.Increment(ref _started);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
