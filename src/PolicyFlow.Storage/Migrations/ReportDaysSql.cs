namespace PolicyFlow.Host.Storage.Migrations;

/// <summary>
/// The SQL of the <c>ReportDays</c> migrations (both providers): the per-day ranking counters <c>pf_report_days</c> (see
/// <see cref="PolicyFlow.Activities.Tracking.ReportDay"/>), filled from the existing rows and then kept by triggers. Every
/// counter is written once here, as the part one facts row contributes, and that one definition serves the fill, the facts
/// triggers (take the old row's part away, add the new row's) and the urge and extension triggers, so the three cannot
/// disagree. Day numbers are Asia/Shanghai days (UTC+8, no daylight saving) since 1970-01-01 of the instant, as in
/// <c>ReportColumns</c>. Frozen with the migrations that use it: a later change of the counters is a new migration.
/// </summary>
internal static class ReportDaysSql
{
    private static readonly string[] Counters = ["Done", "OnTime", "LateDone", "LateDoneAtMidnight", "Pending", "PendingAtMidnight", "Returns", "Extensions", "Urges"];

    private const string FactsColumns = "\"Status\", \"Assignee\", \"CreatedAt\", \"DueAt\", \"CompletedAt\", \"RegionLevel\", \"CityCode\", \"RegionCode\", \"Round\", \"Step\"";

    private static string DayOf(string instant) => $"({instant} + 28800000) / 86400000";

    /// <summary>A branch of the parts: the day and one value per counter (the given ones, 0 for the others).</summary>
    private static string Branch(string prefix, string day, IReadOnlyDictionary<string, string> values, string from, string where) =>
        $"SELECT {prefix}{day} AS \"Day\", {string.Join(", ", Counters.Select(c => $"{values.GetValueOrDefault(c, "0")} AS \"{c}\""))} {from} WHERE {where}";

    private static string Flag(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";

    /// <summary>
    /// What facts row <paramref name="r"/> contributes, one branch per kind of day: its due day (done, on time, late, open),
    /// its creation day if it is a return, the days of its urges and of its approved extensions. <paramref name="from"/>
    /// is the source of <paramref name="r"/> ("" in a trigger, where it is NEW or OLD).
    /// </summary>
    private static string Parts(string r, string prefix, string from)
    {
        var completed = $"{r}.\"Status\" = 'Completed'";
        var late = $"{completed} AND {r}.\"CompletedAt\" > {r}.\"DueAt\"";
        var open = $"{r}.\"Status\" IN ('Open', 'Claimed')";
        var midnight = $"({r}.\"DueAt\" + 28800000) % 86400000 = 0";
        var joined = from.Length == 0 ? "FROM " : $"{from}, ";
        return string.Join(" UNION ALL ", [
            Branch(prefix, DayOf($"{r}.\"DueAt\""), new Dictionary<string, string>
            {
                ["Done"] = Flag(completed),
                ["OnTime"] = Flag($"{completed} AND {r}.\"CompletedAt\" <= {r}.\"DueAt\""),
                ["LateDone"] = Flag(late),
                ["LateDoneAtMidnight"] = Flag($"{late} AND {midnight}"),
                ["Pending"] = Flag(open),
                ["PendingAtMidnight"] = Flag($"{open} AND {midnight}"),
            }, from, $"{r}.\"DueAt\" IS NOT NULL"),
            // A review runs again after every return too; the return is the reviewed step's, not the reviewer's.
            Branch(prefix, DayOf($"{r}.\"CreatedAt\""), new Dictionary<string, string> { ["Returns"] = "1" }, from,
                $"{r}.\"Round\" > 1 AND {r}.\"Step\" <> 'review'"),
            Branch(prefix, DayOf("e.\"DecidedAt\""), new Dictionary<string, string> { ["Extensions"] = "1" }, $"{joined}pf_extensions e",
                $"e.\"TaskId\" = {r}.\"TaskId\" AND {ExtensionCounts("e")}"),
            Branch(prefix, DayOf("u.\"At\""), new Dictionary<string, string> { ["Urges"] = "1" }, $"{joined}pf_task_urges u", $"u.\"TaskId\" = {r}.\"TaskId\""),
        ]);
    }

    private static string ExtensionCounts(string e) => $"{e}.\"Status\" = 'Approved' AND {e}.\"DecidedAt\" IS NOT NULL";

    /// <summary>
    /// The ranked entities of facts row <paramref name="r"/>: its agency if provincial, its city, its county if a county's.
    /// A cancelled task counts nowhere; a row whose task state is not copied yet (no assignee) neither.
    /// </summary>
    private static string Keys(string r, string extra, string from, string where)
    {
        var gate = $"{where}{r}.\"Status\" <> 'Cancelled' AND {r}.\"Assignee\" <> ''";
        return $"SELECT 'agency' AS \"Of\", {r}.\"Assignee\" AS \"Key\"{extra} {from} WHERE {gate} AND {r}.\"RegionLevel\" = 'Province' " +
            $"UNION ALL SELECT 'city', {r}.\"CityCode\"{extra} {from} WHERE {gate} AND {r}.\"CityCode\" IS NOT NULL " +
            $"UNION ALL SELECT 'county', {r}.\"RegionCode\"{extra} {from} WHERE {gate} AND {r}.\"RegionLevel\" = 'County'";
    }

    private static string Insert => $"INSERT INTO pf_report_days (\"Of\", \"Day\", \"Key\", {string.Join(", ", Counters.Select(c => $"\"{c}\""))})";

    /// <summary>Adds (<paramref name="sign"/> "") or takes away ("-") the parts under every key, one upsert per day and key.</summary>
    private static string Upsert(string keys, string parts, string sign) =>
        $"""
        {Insert}
        SELECT k."Of", p."Day", k."Key", {string.Join(", ", Counters.Select(c => $"{sign}p.\"{c}\""))}
        FROM ({keys}) AS k, (SELECT "Day", {string.Join(", ", Counters.Select(c => $"SUM(\"{c}\") AS \"{c}\""))} FROM ({parts}) AS parts GROUP BY "Day") AS p
        WHERE k."Key" IS NOT NULL
        ON CONFLICT ("Of", "Day", "Key") DO UPDATE SET {string.Join(", ", Counters.Select(c => $"\"{c}\" = pf_report_days.\"{c}\" + excluded.\"{c}\""))};
        """;

    private static string FactsRow(string row, string sign) => Upsert(Keys(row, "", "", ""), Parts(row, "", ""), sign);

    /// <summary>An urge or extension row's own part under its task's keys.</summary>
    private static string EventRow(string row, string sign, string counter, string day, string where) =>
        Upsert(Keys("f", "", "FROM pf_task_facts f", $"f.\"TaskId\" = {row}.\"TaskId\" AND "),
            Branch("", DayOf(day), new Dictionary<string, string> { [counter] = "1" }, "", where), sign);

    private static string UrgeRow(string row, string sign) => EventRow(row, sign, "Urges", $"{row}.\"At\"", "1 = 1");

    private static string ExtensionRow(string row, string sign) => EventRow(row, sign, "Extensions", $"{row}.\"DecidedAt\"", ExtensionCounts(row));

    /// <summary>The counters of the rows already there, in one pass over each table.</summary>
    public static string Fill =>
        $"""
        WITH k AS ({Keys("f", ", f.*", "FROM pf_task_facts f", "")})
        {Insert}
        SELECT "Of", "Day", "Key", {string.Join(", ", Counters.Select(c => $"SUM(\"{c}\")"))}
        FROM ({Parts("k", "k.\"Of\", k.\"Key\", ", "FROM k")}) AS parts
        GROUP BY "Of", "Day", "Key";
        """;

    public static string SqliteTriggers =>
        $"""
        CREATE TRIGGER pf_report_days_facts_insert AFTER INSERT ON pf_task_facts BEGIN
        {FactsRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_facts_update AFTER UPDATE OF {FactsColumns} ON pf_task_facts BEGIN
        {FactsRow("OLD", "-")}
        {FactsRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_facts_delete AFTER DELETE ON pf_task_facts BEGIN
        {FactsRow("OLD", "-")}
        END;
        CREATE TRIGGER pf_report_days_urges_insert AFTER INSERT ON pf_task_urges BEGIN
        {UrgeRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_urges_update AFTER UPDATE OF "TaskId", "At" ON pf_task_urges BEGIN
        {UrgeRow("OLD", "-")}
        {UrgeRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_urges_delete AFTER DELETE ON pf_task_urges BEGIN
        {UrgeRow("OLD", "-")}
        END;
        CREATE TRIGGER pf_report_days_extensions_insert AFTER INSERT ON pf_extensions BEGIN
        {ExtensionRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_extensions_update AFTER UPDATE OF "TaskId", "Status", "DecidedAt" ON pf_extensions BEGIN
        {ExtensionRow("OLD", "-")}
        {ExtensionRow("NEW", "")}
        END;
        CREATE TRIGGER pf_report_days_extensions_delete AFTER DELETE ON pf_extensions BEGIN
        {ExtensionRow("OLD", "-")}
        END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS pf_report_days_facts_insert; DROP TRIGGER IF EXISTS pf_report_days_facts_update; DROP TRIGGER IF EXISTS pf_report_days_facts_delete;
        DROP TRIGGER IF EXISTS pf_report_days_urges_insert; DROP TRIGGER IF EXISTS pf_report_days_urges_update; DROP TRIGGER IF EXISTS pf_report_days_urges_delete;
        DROP TRIGGER IF EXISTS pf_report_days_extensions_insert; DROP TRIGGER IF EXISTS pf_report_days_extensions_update; DROP TRIGGER IF EXISTS pf_report_days_extensions_delete;
        """;

    private static string PostgresFunction(string name, Func<string, string, string> part) =>
        $"""
        CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                {part("OLD", "-")}
            END IF;
            IF TG_OP <> 'DELETE' THEN
                {part("NEW", "")}
            END IF;
            RETURN NULL;
        END $$;
        """;

    private static string Changed(string columns) =>
        string.Join(" OR ", columns.Split(", ").Select(c => $"OLD.{c} IS DISTINCT FROM NEW.{c}"));

    private static string PostgresTriggers(string name, string table, string columns) =>
        $"""
        CREATE TRIGGER {name} AFTER INSERT OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
        CREATE TRIGGER {name}_update AFTER UPDATE OF {columns} ON {table} FOR EACH ROW WHEN ({Changed(columns)}) EXECUTE FUNCTION {name}();
        """;

    public static string PostgresTriggersAll =>
        $"""
        {PostgresFunction("pf_report_days_facts", FactsRow)}
        {PostgresTriggers("pf_report_days_facts", "pf_task_facts", FactsColumns)}
        {PostgresFunction("pf_report_days_urges", UrgeRow)}
        {PostgresTriggers("pf_report_days_urges", "pf_task_urges", "\"TaskId\", \"At\"")}
        {PostgresFunction("pf_report_days_extensions", ExtensionRow)}
        {PostgresTriggers("pf_report_days_extensions", "pf_extensions", "\"TaskId\", \"Status\", \"DecidedAt\"")}
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS pf_report_days_facts ON pf_task_facts; DROP TRIGGER IF EXISTS pf_report_days_facts_update ON pf_task_facts; DROP FUNCTION IF EXISTS pf_report_days_facts();
        DROP TRIGGER IF EXISTS pf_report_days_urges ON pf_task_urges; DROP TRIGGER IF EXISTS pf_report_days_urges_update ON pf_task_urges; DROP FUNCTION IF EXISTS pf_report_days_urges();
        DROP TRIGGER IF EXISTS pf_report_days_extensions ON pf_extensions; DROP TRIGGER IF EXISTS pf_report_days_extensions_update ON pf_extensions; DROP FUNCTION IF EXISTS pf_report_days_extensions();
        """;
}
