namespace PolicyFlow.Activities.Calendar;

/// <summary>Holiday data that cannot be used, naming the file (or year) and the field at fault.</summary>
public sealed class CalendarDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="sourceName"/> and JSON path <paramref name="field"/>.</summary>
    public CalendarDataException(string sourceName, string field, string problem, Exception? inner = null)
        : base($"Holiday data {sourceName}: {field}: {problem}", inner)
    {
        SourceName = sourceName;
        Field = field;
    }

    /// <summary>The file or resource name, or "year NNNN" for data built in code.</summary>
    public string SourceName { get; }

    /// <summary>The JSON path of the offending field, e.g. <c>holidays[2].to</c>; <c>$</c> for the whole document.</summary>
    public string Field { get; }
}
