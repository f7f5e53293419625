using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// The ceiling of a write: the rows an operation wrote (a <see cref="RowCapture.Delta"/>) written again with plain ADO.NET in one
/// transaction — each inserted row as a copy with fresh ids (ids of the rows it inserted are mapped consistently, so its
/// references hold and unique keys that carry an id stay unique), each updated row updated to the same values, each deleted row
/// deleted (a copy of it is put in place first, outside the clock). PostgreSQL gets the statements as one batch (one round trip),
/// SQLite prepared statements in one transaction, on the host's pragmas.
/// </summary>
internal sealed partial class RowReplay
{
    private readonly DbFactory _factory;
    private readonly RowCapture.Delta _delta;
    private readonly HashSet<Guid> _ids;

    public RowReplay(DbFactory factory, RowCapture.Delta delta)
    {
        _factory = factory;
        _delta = delta;
        // Only ids of rows the operation created are renewed; ids of rows it refers to (the parent, the definition) stay.
        _ids = [.. delta.Inserted.Concat(delta.Deleted).SelectMany(r => r.Table.Key.Select(i => r.Values[i])).Select(AsGuid).OfType<Guid>()];
    }

    /// <summary>Writes one copy of the rows; returns the time of the transaction (open, statements, commit).</summary>
    /// <param name="first">Run first in the same transaction (a claim); returning 0 writes nothing and rolls back.</param>
    public async Task<TimeSpan> WriteOnceAsync(Func<DbConnection, DbTransaction, Task<int>>? first = null)
    {
        var map = new Dictionary<Guid, Guid>();
        var deletes = _delta.Deleted.Select(r => Renew(r, map)).ToList();
        await using var connection = RowCapture.Open(_factory);
        if (deletes.Count > 0)
        {
            await connection.OpenAsync();
            await using var setup = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, setup, deletes.Select(Insert).ToList());
            await setup.CommitAsync();
            await connection.CloseAsync();
        }
        var statements = new List<(string Sql, object?[] Values)>();
        statements.AddRange(_delta.Inserted.Select(r => Insert(Renew(r, map))));
        statements.AddRange(_delta.Updated.Select(Update));
        statements.AddRange(Enumerable.Reverse(deletes).Select(Delete));
        var clock = Stopwatch.StartNew();
        await connection.OpenAsync();
        if (_factory.Provider == StorageProvider.Sqlite)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await pragmas.ExecuteNonQueryAsync();
        }
        await using var transaction = await connection.BeginTransactionAsync();
        if (first is not null && await first(connection, transaction) == 0)
        {
            await transaction.RollbackAsync();
            return TimeSpan.Zero;
        }
        await ExecuteAsync(connection, transaction, statements);
        await transaction.CommitAsync();
        return clock.Elapsed;
    }

    /// <summary>Inserts <paramref name="copies"/> copies of the inserted rows, 1,000 copies per transaction (a bulk load, not timed).</summary>
    public async Task InsertCopiesAsync(int copies)
    {
        await using var connection = RowCapture.Open(_factory);
        await connection.OpenAsync();
        for (var done = 0; done < copies; done += 1000)
        {
            var statements = new List<(string Sql, object?[] Values)>();
            for (var i = done; i < Math.Min(copies, done + 1000); i++)
            {
                var map = new Dictionary<Guid, Guid>();
                statements.AddRange(_delta.Inserted.Select(r => Insert(Renew(r, map))));
            }
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, statements);
            await transaction.CommitAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, List<(string Sql, object?[] Values)> statements)
    {
        if (connection is NpgsqlConnection postgres)
        {
            await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction);
            foreach (var (sql, values) in statements)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in values)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            return;
        }
        var prepared = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (sql, values) in statements)
            {
                if (!prepared.TryGetValue(sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = SqliteParameters(sql);
                    for (var i = 0; i < values.Length; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"@p{i + 1}";
                        command.Parameters.Add(parameter);
                    }
                    await command.PrepareAsync();
                    prepared[sql] = command;
                }
                for (var i = 0; i < values.Length; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            foreach (var command in prepared.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static long _copies;

    private RowCapture.Row Renew(RowCapture.Row row, Dictionary<Guid, Guid> map)
    {
        var values = row.Values.Select(v => Renew(v, map)).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            // A dedup key that names only existing rows (a reminder's task and day) is unique all the same: give the copy its own
            // tail, numbered (8 random hex digits collided about once in twenty drains of 20,000 copies).
            if (row.Table.Columns[i] == "DedupKey" && values[i] is string key && key == (string?)row.Values[i] && key.Length > 12)
            {
                var copy = Interlocked.Increment(ref _copies);
                values[i] = string.Concat(key.AsSpan(0, key.Length - 9), ":", copy.ToString("x8", CultureInfo.InvariantCulture));
            }
        }
        return row with { Values = values };
    }

    private object? Renew(object? value, Dictionary<Guid, Guid> map)
    {
        switch (value)
        {
            case Guid g:
                return _ids.Contains(g) ? Mapped(g, map) : g;
            case string s when s.Length == 36 && Guid.TryParse(s, out var g):
                return _ids.Contains(g) ? Format(Mapped(g, map), s) : s;
            case string s when s.Length > 36:
                return GuidText().Replace(s, m => Guid.TryParse(m.Value, out var g) && _ids.Contains(g) ? Format(Mapped(g, map), m.Value) : m.Value);
            default:
                return value;
        }
    }

    private static Guid Mapped(Guid id, Dictionary<Guid, Guid> map)
    {
        if (!map.TryGetValue(id, out var renewed))
        {
            map[id] = renewed = Guid.NewGuid();
        }
        return renewed;
    }

    private static string Format(Guid id, string like) => like.Any(char.IsUpper) ? id.ToString().ToUpperInvariant() : id.ToString();

    private static Guid? AsGuid(object? value) => value switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        _ => null,
    };

    private static (string, object?[]) Insert(RowCapture.Row row)
    {
        var columns = row.Table.Columns.Where((_, i) => !row.Table.Generated[i]).ToList();
        var values = row.Values.Where((_, i) => !row.Table.Generated[i]).ToArray();
        return ($"INSERT INTO {RowCapture.Quote(row.Table.Name)} ({string.Join(", ", columns.Select(RowCapture.Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})", values);
    }

    private static (string, object?[]) Update(RowCapture.Row row)
    {
        var key = row.Table.Key.ToHashSet();
        var set = Enumerable.Range(0, row.Values.Length).Where(i => !key.Contains(i)).ToList();
        var order = set.Concat(row.Table.Key).ToList();
        var assignments = set.Select((c, n) => $"{RowCapture.Quote(row.Table.Columns[c])} = ${n + 1}");
        var where = row.Table.Key.Select((c, n) => $"{RowCapture.Quote(row.Table.Columns[c])} = ${set.Count + n + 1}");
        return ($"UPDATE {RowCapture.Quote(row.Table.Name)} SET {string.Join(", ", assignments)} WHERE {string.Join(" AND ", where)}", [.. order.Select(i => row.Values[i])]);
    }

    private static (string, object?[]) Delete(RowCapture.Row row) =>
        ($"DELETE FROM {RowCapture.Quote(row.Table.Name)} WHERE {string.Join(" AND ", row.Table.Key.Select((c, n) => $"{RowCapture.Quote(row.Table.Columns[c])} = ${n + 1}"))}",
         [.. row.Table.Key.Select(i => row.Values[i])]);

    // Statements are written with $n placeholders (PostgreSQL's positional form); SQLite takes them as @pn.
    private static string SqliteParameters(string sql) => Placeholder().Replace(sql, m => "@p" + m.Value[1..]);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();

    [GeneratedRegex(@"\$[0-9]+")]
    private static partial Regex Placeholder();
}
