using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// Every row of PolicyFlow's workflow tables (read from the EF Core model, over plain ADO.NET), so the rows one operation
/// inserted, updated and deleted can be told by comparing a snapshot before with one after.
/// </summary>
internal sealed class RowCapture
{
    internal sealed record Table(string Name, string[] Columns, int[] Key, bool[] Generated);

    internal sealed record Row(Table Table, object?[] Values);

    /// <summary>What one operation wrote, by table.</summary>
    internal sealed record Delta(List<Row> Inserted, List<Row> Updated, List<Row> Deleted)
    {
        public IEnumerable<string> Tables => Inserted.Concat(Updated).Concat(Deleted).Select(r => r.Table.Name).Distinct().Order(StringComparer.Ordinal);

        public int Rows => Inserted.Count + Updated.Count + Deleted.Count;
    }

    private readonly Dictionary<string, Dictionary<string, object?[]>> _rows;

    private RowCapture(Dictionary<string, Dictionary<string, object?[]>> rows) => _rows = rows;

    public static IReadOnlyList<Table> Tables(DbFactory factory)
    {
        using var db = factory.Create();
        var tables = new List<Table>();
        // The report-day counters are written by the database's own triggers on the facts, urges and extensions: a replay of
        // those rows writes them again, as the engine's run did, so they are neither captured nor replayed.
        var derived = db.Model.FindEntityType(typeof(ReportDay))?.GetTableName();
        foreach (var group in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } name && name != derived && e.GetSchema() is null).GroupBy(e => e.GetTableName()!))
        {
            var store = StoreObjectIdentifier.Table(group.Key);
            var properties = group.SelectMany(e => e.GetProperties()).Select(p => (Column: p.GetColumnName(store), Property: p))
                .Where(p => p.Column is not null).DistinctBy(p => p.Column).ToList();
            var key = group.First().FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)).ToHashSet(StringComparer.Ordinal);
            tables.Add(new Table(group.Key, [.. properties.Select(p => p.Column!)],
                [.. properties.Select((p, i) => (p, i)).Where(x => key.Contains(x.p.Column!)).Select(x => x.i)],
                [.. properties.Select(p => p.Property.ValueGenerated == ValueGenerated.OnAdd && p.Property.ClrType is var t && (t == typeof(int) || t == typeof(long)) && key.Contains(p.Column!))]));
        }
        // Referenced tables first, so copies are inserted parents before children.
        var parents = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!).ToDictionary(g => g.Key,
            g => g.SelectMany(e => e.GetForeignKeys()).Select(f => f.PrincipalEntityType.GetTableName()).OfType<string>().Where(t => t != g.Key).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var ordered = new List<Table>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.Where(t => !ordered.Contains(t)).First(t => parents[t.Name].All(p => ordered.Any(o => o.Name == p) || tables.All(x => x.Name != p)));
            ordered.Add(next);
        }
        return ordered;
    }

    public static async Task<RowCapture> TakeAsync(DbFactory factory, IReadOnlyList<Table> tables)
    {
        var rows = new Dictionary<string, Dictionary<string, object?[]>>(StringComparer.Ordinal);
        await using var connection = Open(factory);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            var byKey = rows[table.Name] = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[table.Columns.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                byKey[KeyOf(table, values)] = values;
            }
        }
        return new RowCapture(rows);
    }

    public static async Task<Dictionary<string, long>> CountAsync(DbFactory factory, IReadOnlyList<Table> tables)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = Open(factory);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    public static Delta Diff(IReadOnlyList<Table> tables, RowCapture before, RowCapture after)
    {
        var delta = new Delta([], [], []);
        foreach (var table in tables)
        {
            var old = before._rows[table.Name];
            var now = after._rows[table.Name];
            foreach (var (key, values) in now)
            {
                if (!old.TryGetValue(key, out var was))
                {
                    delta.Inserted.Add(new Row(table, values));
                }
                else if (!was.Select(Text).SequenceEqual(values.Select(Text), StringComparer.Ordinal))
                {
                    delta.Updated.Add(new Row(table, values));
                }
            }
            delta.Deleted.AddRange(old.Where(o => !now.ContainsKey(o.Key)).Select(o => new Row(table, o.Value)));
        }
        return delta;
    }

    /// <summary>Bytes of a row's values as the database holds them (text as UTF-8, numbers 8, ids 16).</summary>
    public static long Bytes(Row row) => row.Values.Sum(v => v switch
    {
        null => 0,
        string s => Encoding.UTF8.GetByteCount(s),
        byte[] b => b.Length,
        Guid => 16,
        bool => 1,
        _ => 8,
    });

    public static DbConnection Open(DbFactory factory) => factory.Provider == StorageProvider.PostgreSql
        ? new NpgsqlConnection(factory.ConnectionString)
        : new SqliteConnection(factory.ConnectionString);

    public static string Quote(string name) => $"\"{name}\"";

    public static string KeyOf(Table table, object?[] values) => string.Join("|", table.Key.Select(i => Text(values[i])));

    public static string Text(object? value) => value switch
    {
        null => "\0",
        byte[] b => Convert.ToBase64String(b),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
