using System.Globalization;
using System.Text.Json.Nodes;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>Strict reader for <see cref="DueRule"/>: a misspelt property is an error, not a silent default.</summary>
internal static class DueRuleReader
{
    private static readonly string[] Known = ["at", "days", "unit", "from", "rollToWorkingDay"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static bool TryRead(JsonNode? node, out DueRule? rule, out string error)
    {
        rule = null;
        error = Read(node, ref rule) ?? string.Empty;
        return rule is not null;
    }

    private static string? Read(JsonNode? node, ref DueRule? rule)
    {
        if (node is not JsonObject obj)
        {
            return "due rule: expected an object such as {\"at\":\"2025-10-14\"} or {\"days\":5,\"unit\":\"working\",\"from\":\"created\"}";
        }
        if (obj.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            return $"due rule: unknown property '{unknown}' (expected {string.Join(", ", Known)})";
        }
        if (obj.ContainsKey("at"))
        {
            if (obj.Count > 1)
            {
                return "due rule: 'at' cannot be combined with 'days', 'unit', 'from' or 'rollToWorkingDay'";
            }
            return ReadAt(obj["at"], ref rule);
        }
        return ReadRelative(obj, ref rule);
    }

    private static string? ReadAt(JsonNode? node, ref DueRule? rule)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (text is null)
        {
            return "due rule: 'at' must be a string date (2025-10-14) or date-time (2025-10-14T17:00:00+08:00)";
        }
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            rule = DueRule.On(day);
        }
        else if (DateTimeOffset.TryParseExact(text, OffsetFormats, invariant, DateTimeStyles.AssumeUniversal, out var instant))
        {
            rule = DueRule.At(instant);
        }
        else if (DateTime.TryParseExact(text, LocalFormats, invariant, DateTimeStyles.None, out var local))
        {
            // No offset written: the author meant Beijing time, not the server's.
            rule = DueRule.At(ChinaTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)));
        }
        else
        {
            return $"due rule: 'at' value '{text}' is neither a date (2025-10-14) nor an ISO date-time (2025-10-14T17:00:00+08:00)";
        }
        return null;
    }

    private static string? ReadRelative(JsonObject obj, ref DueRule? rule)
    {
        if (obj["days"] is not JsonValue daysValue || !daysValue.TryGetValue<int>(out var days))
        {
            return "due rule: 'days' is required and must be a whole number (or give 'at' for a fixed date)";
        }
        if (days is < 0 or > DueRule.MaxDays)
        {
            return $"due rule: 'days' must be between 0 and {DueRule.MaxDays}, not {days}";
        }
        DueUnit unit;
        switch (Text(obj["unit"]))
        {
            case "calendar": unit = DueUnit.Calendar; break;
            case "working": unit = DueUnit.Working; break;
            case var other: return $"due rule: 'unit' must be \"calendar\" or \"working\", not {Show(other)}";
        }
        DueFrom from;
        switch (obj.ContainsKey("from") ? Text(obj["from"]) : "created")
        {
            case "created": from = DueFrom.Created; break;
            case "effective": from = DueFrom.Effective; break;
            case var other: return $"due rule: 'from' must be \"created\" or \"effective\", not {Show(other)}";
        }
        var roll = false;
        if (obj.ContainsKey("rollToWorkingDay") && !(obj["rollToWorkingDay"] is JsonValue r && r.TryGetValue(out roll)))
        {
            return "due rule: 'rollToWorkingDay' must be true or false";
        }
        rule = DueRule.After(days, unit, from, roll);
        return null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Show(string? value) => value is null ? "missing or not a string" : $"\"{value}\"";
}
