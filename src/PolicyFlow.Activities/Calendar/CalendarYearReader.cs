using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyFlow.Activities.Calendar;

/// <summary>Reads the cn-YYYY.json shape by hand so that every error names its field.</summary>
internal static class CalendarYearReader
{
    // People add next year's file by hand: let them comment it.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static CalendarYear Read(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new CalendarDataException(source, "$", $"not valid JSON ({ex.Message})", ex);
        }
        if (root is not JsonObject obj)
        {
            throw new CalendarDataException(source, "$", "expected a JSON object {\"year\":…,\"source\":…,\"holidays\":[…],\"workdays\":[…]}");
        }
        var year = Int(obj, "year", "year", source);
        var note = Text(obj, "source", "source", source);
        var holidays = Array(obj, "holidays", source).Select((item, i) =>
        {
            var path = $"holidays[{i}]";
            var range = Object(item, path, source);
            return new HolidayRange(Text(range, "name", path + ".name", source),
                Date(range, "from", path + ".from", source), Date(range, "to", path + ".to", source));
        }).ToList();
        var workdays = Array(obj, "workdays", source).Select((item, i) =>
        {
            var path = $"workdays[{i}]";
            var day = Object(item, path, source);
            return new MakeUpWorkday(Date(day, "date", path + ".date", source), Text(day, "reason", path + ".reason", source));
        }).ToList();
        return new CalendarYear(year, note, holidays, workdays);
    }

    private static JsonArray Array(JsonObject obj, string name, string source) =>
        obj[name] as JsonArray ?? throw new CalendarDataException(source, name, "missing or not an array");

    private static JsonObject Object(JsonNode? node, string path, string source) =>
        node as JsonObject ?? throw new CalendarDataException(source, path, "expected an object");

    private static int Int(JsonObject obj, string name, string path, string source) =>
        obj[name] is JsonValue value && value.TryGetValue<int>(out var number)
            ? number
            : throw new CalendarDataException(source, path, "missing or not a whole number");

    private static string Text(JsonObject obj, string name, string path, string source) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new CalendarDataException(source, path, "missing or not a non-empty string");

    private static DateOnly Date(JsonObject obj, string name, string path, string source)
    {
        if (obj[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new CalendarDataException(source, path, $"'{text}' is not a date in the form yyyy-MM-dd");
        }
        throw new CalendarDataException(source, path, "missing or not a date string (yyyy-MM-dd)");
    }
}
