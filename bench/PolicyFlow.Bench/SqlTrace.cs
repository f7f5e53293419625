using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// With POLICYFLOW_BENCH_TRACE set, prints every SQL command EF Core runs; with POLICYFLOW_BENCH_EXPLAIN set, keeps one of each
/// so <see cref="ExplainAsync"/> can print its plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL) at the end.
/// </summary>
internal sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly Dictionary<string, (string Name, object? Value)[]> Seen = new(StringComparer.Ordinal);
    private static readonly bool Print = Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_TRACE") is not null;
    private static readonly bool Keep = Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_EXPLAIN") is not null;

    private static int started;

    public static void StartIfAsked()
    {
        if ((Print || Keep) && Interlocked.Exchange(ref started, 1) == 0)
        {
            DiagnosticListener.AllListeners.Subscribe(new SqlTrace());
        }
    }

    public static async Task ExplainAsync(DbFactory factory)
    {
        (string, (string Name, object? Value)[])[] commands;
        lock (Seen)
        {
            commands = [.. Seen.Select(s => (s.Key, s.Value))];
            Seen.Clear();
        }
        if (!Keep)
        {
            return;
        }
        var postgres = factory.Provider == StorageProvider.PostgreSql;
        await using DbConnection connection = postgres ? new NpgsqlConnection(factory.ConnectionString) : new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        foreach (var (text, parameters) in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + text;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            Console.WriteLine($"-- PLAN of\n{text}\n-- {string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"))}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray();
            if (Print)
            {
                Console.WriteLine($"-- SQL\n{data.Command.CommandText};\n-- {string.Join(", ", parameters.Select(p => $"{p.ParameterName}={p.Value}"))}");
            }
            if (Keep)
            {
                lock (Seen)
                {
                    Seen.TryAdd(data.Command.CommandText, parameters);
                }
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
