using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Storage.Migrations;

namespace PolicyFlow.Bench;

/// <summary>
/// Writes <see cref="ReportData"/> behind the engine's back with raw ADO.NET — the load is set-up, not what is measured:
/// PostgreSQL by binary COPY, SQLite by one prepared INSERT per table in one transaction. The ranking's day counters
/// (<see cref="ReportDaysSql"/>) are filled once after the rows, by the migration's own fill, with their row triggers
/// out of the way meanwhile (row by row they held a 1,000,000-task load for over an hour), and the triggers are then put
/// back as the migration creates them: the database after the load is the one the triggers would have made.
/// </summary>
internal static class ReportLoader
{
    private const string TaskColumns = "\"Id\", \"InstanceId\", \"BookmarkId\", \"ActivityId\", \"Title\", \"Assignee\", \"Status\", \"Outcomes\", \"DataJson\", "
        + "\"CreatedAt\", \"DueAt\", \"ClaimedAt\", \"ClaimedBy\", \"CompletedAt\", \"CompletedBy\", \"Outcome\", \"Revision\", \"ProgressNote\", \"ProgressPercent\", \"ProgressAt\", \"ProgressBy\"";

    private const string FactColumns = "\"TaskId\", \"PolicyId\", \"MeasureNo\", \"MeasureTitle\", \"Step\", \"AgencyKind\", \"RegionCode\", \"CityCode\", \"RegionLevel\", \"Round\", \"UrgeCount\", "
        + "\"Status\", \"Assignee\", \"CreatedAt\", \"DueAt\", \"CompletedAt\", \"DueDay\", \"CompletedDay\"";

    private const string UrgeColumns = "\"Id\", \"TaskId\", \"Day\", \"At\", \"By\", \"Message\"";

    private const string ExtensionColumns = "\"Id\", \"TaskId\", \"InstanceId\", \"RequestedBy\", \"RequestedAt\", \"Reason\", \"CurrentDueAt\", \"RequestedDueAt\", \"Status\", \"DecidedBy\", \"DecidedAt\"";

    /// <param name="rowTriggers">Keep the counters' row triggers firing during the load (slow; to check the fill against them).</param>
    public static async Task LoadAsync(DbFactory factory, ReportData data, bool rowTriggers = false)
    {
        if (factory.Provider == StorageProvider.PostgreSql)
        {
            await LoadPostgresAsync(factory.ConnectionString, data, rowTriggers);
        }
        else
        {
            LoadSqlite(factory.ConnectionString, data, rowTriggers);
        }
    }

    private static object?[] TaskValues(TaskRow t) =>
    [
        t.Id, t.InstanceId, t.BookmarkId, t.Step, t.Title, t.Assignee, t.Status, "Done", "{}", t.CreatedAt, t.DueAt, t.ClaimedAt,
        t.ClaimedAt is null ? null : "bench-user", t.CompletedAt, t.CompletedAt is null ? null : "bench-user", t.CompletedAt is null ? null : "Done",
        t.CompletedAt is null ? 1 : 3, t.ProgressNote, t.ProgressPercent, t.ProgressAt, t.ProgressAt is null ? null : "bench-user",
    ];

    private static object?[] FactValues(TaskRow t) =>
        [t.Id, t.PolicyId, t.MeasureNo, t.MeasureTitle, t.Step, t.Kind, t.RegionCode, t.CityCode, t.RegionLevel, t.Round, t.UrgedAt is null ? 0 : 1,
        // The task's state as the ReportColumns triggers would copy it (given here, so the trigger is skipped on a bulk load).
        t.Status, t.Assignee, t.CreatedAt, t.DueAt, t.CompletedAt, Day(t.DueAt - 1), Day(t.CompletedAt)];

    private static int? Day(long? unixMilliseconds) => unixMilliseconds is { } ms ? (int)((ms + 28_800_000) / 86_400_000) : null;

    private static object?[] UrgeValues(TaskRow t) => [Guid.NewGuid(), t.Id, t.UrgeDay, t.UrgedAt, "bench-leader", "请抓紧办理"];

    private static object?[] ExtensionValues(TaskRow t) =>
        [Guid.NewGuid(), t.Id, t.InstanceId, "bench-user", t.ExtendedAt - 86_400_000, "工作量大，申请延期", t.DueAt - (7 * 86_400_000L), t.DueAt, "Approved", "bench-lead", t.ExtendedAt];

    private static void LoadSqlite(string connectionString, ReportData data, bool rowTriggers)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        if (!rowTriggers)
        {
            Execute(connection, transaction, ReportDaysSql.SqliteDrop);
        }
        Small(connection, transaction, data);
        using var tasks = Prepare(connection, transaction, "pf_tasks", TaskColumns);
        using var facts = Prepare(connection, transaction, "pf_task_facts", FactColumns);
        using var urges = Prepare(connection, transaction, "pf_task_urges", UrgeColumns);
        using var extensions = Prepare(connection, transaction, "pf_extensions", ExtensionColumns);
        foreach (var t in data.Rows())
        {
            Run(tasks, TaskValues(t));
            Run(facts, FactValues(t));
            if (t.UrgedAt is not null)
            {
                Run(urges, UrgeValues(t));
            }
            if (t.ExtendedAt is not null)
            {
                Run(extensions, ExtensionValues(t));
            }
        }
        if (!rowTriggers)
        {
            Execute(connection, transaction, ReportDaysSql.Fill);
            Execute(connection, transaction, ReportDaysSql.SqliteTriggers);
        }
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string columns)
    {
        var count = columns.Split(',').Length;
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"$p{i}"))})";
        for (var i = 0; i < count; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // EF Core's SQLite provider stores a Guid as upper-case text.
            command.Parameters[i].Value = values[i] switch { null => DBNull.Value, Guid g => g.ToString().ToUpperInvariant(), var v => v };
        }
        command.ExecuteNonQuery();
    }

    private static void Small(SqliteConnection connection, SqliteTransaction transaction, ReportData data)
    {
        using var policy = Prepare(connection, transaction, "pf_policies",
            "\"Id\", \"Title\", \"DocumentNumber\", \"IssuersJson\", \"EffectiveOn\", \"EffectiveAt\", \"SourceText\", \"ImportedAt\", \"ImportedBy\"");
        foreach (var p in data.PolicyRows())
        {
            Run(policy, [p.Id, p.Title, p.Number, "[]", p.EffectiveOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.ImportedAt, "", p.ImportedAt, "bench"]);
        }
        using var measure = Prepare(connection, transaction, "pf_measures", MeasureColumns);
        foreach (var m in data.MeasureRows())
        {
            Run(measure, [m.PolicyId, m.Number, m.NumberText, m.Title, "", m.Lead, "[]", "[]", "[]", 1, "bench-measure"]);
        }
    }

    private const string MeasureColumns = "\"PolicyId\", \"Number\", \"NumberText\", \"Title\", \"Body\", \"LeadAgencyId\", \"CoAgencyIdsJson\", \"UnmappedJson\", \"SpecialPartiesJson\", \"LocalImplementation\", \"DefinitionId\"";

    private static async Task LoadPostgresAsync(string connectionString, ReportData data, bool rowTriggers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (!rowTriggers)
        {
            await ExecuteAsync(connection, ReportDaysSql.PostgresDrop);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY pf_policies (\"Id\", \"Title\", \"DocumentNumber\", \"IssuersJson\", \"EffectiveOn\", \"EffectiveAt\", \"SourceText\", \"ImportedAt\", \"ImportedBy\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in data.PolicyRows())
            {
                await WriteAsync(copy, [p.Id, p.Title, p.Number, "[]", p.EffectiveOn, p.ImportedAt, "", p.ImportedAt, "bench"]);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY pf_measures ({MeasureColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var m in data.MeasureRows())
            {
                await WriteAsync(copy, [m.PolicyId, m.Number, m.NumberText, m.Title, "", m.Lead, "[]", "[]", "[]", true, "bench-measure"]);
            }
            await copy.CompleteAsync();
        }
        // The facts reference the tasks, so the tasks are copied (and committed) first; the rows are generated again from the seed.
        await CopyAsync(connection, "pf_tasks", TaskColumns, data.Rows().Select(TaskValues));
        await CopyAsync(connection, "pf_task_facts", FactColumns, data.Rows().Select(FactValues));
        await CopyAsync(connection, "pf_task_urges", UrgeColumns, data.Rows().Where(t => t.UrgedAt is not null).Select(UrgeValues));
        await CopyAsync(connection, "pf_extensions", ExtensionColumns, data.Rows().Where(t => t.ExtendedAt is not null).Select(ExtensionValues));
        if (!rowTriggers)
        {
            await ExecuteAsync(connection, ReportDaysSql.Fill);
            await ExecuteAsync(connection, ReportDaysSql.PostgresTriggersAll);
        }
        // What autovacuum does shortly after such a load (its insert threshold): the statistics, and the visibility map without
        // which the covering indexes' scans visit the heap anyway (the matrix's GROUP BY by city read 20,520 heap pages at
        // 1,000,000 tasks, 247 ms, against 22 ms index-only after VACUUM). The plans are then those of a settled database.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // The fill and ANALYZE read every row of a 1,000,000-task load: more than the default 30 s on a busy machine.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 30 * 60 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string columns, IEnumerable<object?[]> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        // The facts' row triggers (task state; the day counters when they fire) keep the server busy past the default 30 s at the end.
        copy.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await WriteAsync(copy, row);
        }
        await copy.CompleteAsync();
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, object?[] values)
    {
        await copy.StartRowAsync();
        foreach (var value in values)
        {
            switch (value)
            {
                case null: await copy.WriteNullAsync(); break;
                case Guid g: await copy.WriteAsync(g, NpgsqlDbType.Uuid); break;
                case string s: await copy.WriteAsync(s, NpgsqlDbType.Varchar); break;
                case long l: await copy.WriteAsync(l, NpgsqlDbType.Bigint); break;
                case int i: await copy.WriteAsync(i, NpgsqlDbType.Integer); break;
                case bool b: await copy.WriteAsync(b, NpgsqlDbType.Boolean); break;
                case DateOnly d: await copy.WriteAsync(d, NpgsqlDbType.Date); break;
                default: throw new InvalidOperationException($"No COPY type for {value.GetType()}.");
            }
        }
    }
}
