namespace PolicyFlow.Activities.Calendar;

/// <summary>One year's holiday arrangement (放假调休安排) as published by the State Council General Office.</summary>
/// <param name="Year">The year the notice is for.</param>
/// <param name="Source">The notice's document number and title, and how the data was checked.</param>
/// <param name="Holidays">Days off, including weekend days inside a holiday range.</param>
/// <param name="Workdays">Weekend days that are working days (调休上班).</param>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<MakeUpWorkday> Workdays)
{
    /// <summary>Reads and checks one year from JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="CalendarDataException">The JSON is malformed or a field is missing or wrong.</exception>
    public static CalendarYear Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var year = CalendarYearReader.Read(json, sourceName);
        CalendarYearCheck.Check(year, sourceName);
        return year;
    }

    /// <summary>Reads and checks one year from a text reader.</summary>
    /// <exception cref="CalendarDataException">The JSON is malformed or a field is missing or wrong.</exception>
    public static CalendarYear Load(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd(), sourceName);
    }

    /// <summary>Reads and checks one year from a JSON file; errors name the file.</summary>
    /// <exception cref="CalendarDataException">The JSON is malformed or a field is missing or wrong.</exception>
    public static CalendarYear LoadFile(string path) => Parse(File.ReadAllText(path), path);
}
