using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyFlow.Engine.Tests.Support;

/// <summary>What EF Core did against one database (tests run in parallel, each on its own): commands, saves, transactions.</summary>
public sealed class DatabaseActivity : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _subscription;
    private readonly ConcurrentBag<IDisposable> _listeners = [];
    private int _saves;
    private int _begun;
    private int _committed;

    public DatabaseActivity(string connectionString)
    {
        _connectionString = connectionString;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public ConcurrentQueue<string> Commands { get; } = new();
    public int Saves => _saves;
    public int TransactionsBegun => _begun;
    public int TransactionsCommitted => _committed;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _listeners.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name && value.Key != CoreEventId.SaveChangesStarting.Name
            && value.Key != RelationalEventId.TransactionStarted.Name && value.Key != RelationalEventId.TransactionCommitted.Name)
        {
            return;
        }
        if (value.Value is not DbContextEventData { Context: { } context } data || !IsOurs(context))
        {
            return;
        }
        if (value.Key == RelationalEventId.CommandExecuting.Name && data is CommandEventData command)
        {
            Commands.Enqueue(command.Command.CommandText);
        }
        else if (value.Key == CoreEventId.SaveChangesStarting.Name)
        {
            Interlocked.Increment(ref _saves);
        }
        else if (value.Key == RelationalEventId.TransactionStarted.Name)
        {
            Interlocked.Increment(ref _begun);
        }
        else if (value.Key == RelationalEventId.TransactionCommitted.Name)
        {
            Interlocked.Increment(ref _committed);
        }
    }

    // Events of every test's contexts come here; one disposed while its event is raised is not ours to count.
    private bool IsOurs(DbContext context)
    {
        try
        {
            return context.Database.GetConnectionString() == _connectionString;
        }
        catch (ObjectDisposedException)
        {
            return false;
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
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }
}
