using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// The ceiling of the matrix and the light summary: the same GROUP BYs written by hand and read over plain ADO.NET on the
/// same database, returning the same cells. Each figure is a set of "key|counts" lines so the two can be compared exactly.
/// </summary>
internal static class ReportCeiling
{
    private const string Counts = """
        COUNT(*),
        SUM(CASE WHEN f."Status" = 'Completed' THEN 1 ELSE 0 END),
        SUM(CASE WHEN f."Status" <> 'Completed' AND f."DueAt" IS NOT NULL AND f."DueAt" <= @now THEN 1 ELSE 0 END),
        SUM(CASE WHEN f."Status" <> 'Completed' AND f."DueAt" IS NOT NULL AND f."DueAt" > @now AND f."DueAt" <= @until THEN 1 ELSE 0 END)
        FROM pf_task_facts f
        WHERE f."Status" <> 'Cancelled' AND f."PolicyId" = @policy
        """;

    private static readonly string[] MatrixSql =
    [
        $"""SELECT f."MeasureNo", f."Assignee", {Counts} AND f."RegionLevel" = 'Province' GROUP BY f."MeasureNo", f."Assignee" """,
        $"""SELECT f."MeasureNo", f."CityCode", {Counts} AND f."CityCode" IS NOT NULL GROUP BY f."MeasureNo", f."CityCode" """,
    ];

    private static readonly string LightSql =
        $"""SELECT f."MeasureNo", f."MeasureTitle", {Counts} AND f."Status" <> 'Completed' GROUP BY f."PolicyId", f."MeasureNo", f."MeasureTitle" """;

    public static async Task<HashSet<string>> MatrixAsync(DbFactory factory, string policyId, Lights lights)
    {
        var cells = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = Open(factory);
        await connection.OpenAsync();
        foreach (var sql in MatrixSql)
        {
            await using var command = Command(connection, sql, policyId, lights);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cells.Add(Line(reader.GetInt32(0), reader.GetString(1), Number(reader, 2), Number(reader, 3), Number(reader, 4), Number(reader, 5)));
            }
        }
        return cells;
    }

    public static async Task<HashSet<string>> LightsAsync(DbFactory factory, string policyId, Lights lights)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = Open(factory);
        await connection.OpenAsync();
        await using var command = Command(connection, LightSql, policyId, lights);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (open, red, yellow) = (Number(reader, 2), Number(reader, 4), Number(reader, 5));
            rows.Add(LightLine($"{policyId}/{reader.GetInt32(0)}", red, yellow, open));
        }
        return rows;
    }

    /// <summary>The engine's matrix as the same lines: every cell that has tasks.</summary>
    public static HashSet<string> Lines(Matrix matrix) =>
        [.. matrix.Rows.SelectMany(r => r.Cells.Select((c, i) => (Cell: c, Column: matrix.Columns[i].Key)).Where(x => x.Cell is not null)
            .Select(x => Line(r.MeasureNo, x.Column, x.Cell!.Total, x.Cell.Done, x.Cell.Overdue, x.Cell.Yellow)))];

    public static HashSet<string> Lines(IEnumerable<LightRow> rows) => [.. rows.Select(r => LightLine(r.Key, r.Red, r.Yellow, r.Open))];

    private static string Line(int measure, string column, long total, long done, long red, long yellow) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure}|{column}|{total}|{done}|{red}|{yellow}");

    private static string LightLine(string key, long red, long yellow, long open) => string.Create(CultureInfo.InvariantCulture, $"{key}|{red}|{yellow}|{open}");

    // SUM is bigint on PostgreSQL, numeric never (the CASE yields integer), INTEGER on SQLite.
    private static long Number(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DbConnection Open(DbFactory factory) => factory.Provider == StorageProvider.PostgreSql
        ? new NpgsqlConnection(factory.ConnectionString)
        : new SqliteConnection(factory.ConnectionString);

    private static DbCommand Command(DbConnection connection, string sql, string policyId, Lights lights)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@policy", policyId);
        Add(command, "@now", lights.Now.ToUnixTimeMilliseconds());
        Add(command, "@until", lights.YellowUntil.ToUnixTimeMilliseconds());
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
