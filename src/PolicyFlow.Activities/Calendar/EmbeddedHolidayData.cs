using System.Reflection;

namespace PolicyFlow.Activities.Calendar;

/// <summary>Finds the holiday JSON embedded in this assembly and in an operator's folder.</summary>
internal static class EmbeddedHolidayData
{
    /// <summary>Resource names are <c>PolicyFlow.Calendar.cn-YYYY.json</c> (the csproj sets LogicalName).</summary>
    public const string ResourcePrefix = "PolicyFlow.Calendar.";

    private static readonly Lazy<WorkingCalendar> Embedded = new(Load);

    public static WorkingCalendar Calendar => Embedded.Value;

    public static IReadOnlyList<CalendarYear> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            // A configured folder that is missing would silently drop next year's holidays.
            throw new DirectoryNotFoundException($"The holiday data folder '{Path.GetFullPath(directory)}' does not exist.");
        }
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal);
        var seen = new Dictionary<int, string>();
        var years = new List<CalendarYear>();
        foreach (var file in files)
        {
            var year = CalendarYear.LoadFile(file);
            if (!seen.TryAdd(year.Year, file))
            {
                throw new CalendarDataException(file, "year", $"{year.Year} is also given by {seen[year.Year]}");
            }
            years.Add(year);
        }
        return years;
    }

    private static WorkingCalendar Load()
    {
        var assembly = typeof(EmbeddedHolidayData).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException(
                $"No holiday data is embedded in {assembly.GetName().Name}: the project must embed Calendar/Data/cn-*.json with LogicalName {ResourcePrefix}<file name>.");
        }
        return new(names.Select(name => Read(assembly, name)));
    }

    private static CalendarYear Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return CalendarYear.Load(reader, name);
    }
}
