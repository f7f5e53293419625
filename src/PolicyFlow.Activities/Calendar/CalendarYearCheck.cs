using System.Globalization;

namespace PolicyFlow.Activities.Calendar;

/// <summary>Plausibility rules that catch typing mistakes in a year's data before it moves a deadline.</summary>
internal static class CalendarYearCheck
{
    // The longest arrangement so far is 9 days (2026 春节); a longer range is a typo.
    private const int MaxRangeDays = 31;

    public static void Check(CalendarYear data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Year is < 1949 or > 9998)
        {
            throw new CalendarDataException(source, "year", $"{data.Year} is not a plausible year");
        }
        if (string.IsNullOrWhiteSpace(data.Source))
        {
            throw new CalendarDataException(source, "source", "must name the notice the data comes from");
        }
        if (data.Holidays is null || data.Holidays.Count == 0)
        {
            throw new CalendarDataException(source, "holidays", "at least one holiday range is expected");
        }
        var offDays = new HashSet<DateOnly>();
        for (var i = 0; i < data.Holidays.Count; i++)
        {
            var range = data.Holidays[i];
            var path = $"holidays[{i}]";
            if (string.IsNullOrWhiteSpace(range.Name))
            {
                throw new CalendarDataException(source, path + ".name", "missing");
            }
            CheckNear(data.Year, range.From, path + ".from", source);
            CheckNear(data.Year, range.To, path + ".to", source);
            if (range.To < range.From || range.To.DayNumber - range.From.DayNumber >= MaxRangeDays)
            {
                throw new CalendarDataException(source, path + ".to", $"{Iso(range.To)} must be on or after {Iso(range.From)} and within {MaxRangeDays} days of it");
            }
            for (var day = range.From; day <= range.To; day = day.AddDays(1))
            {
                offDays.Add(day);
            }
        }
        for (var i = 0; i < (data.Workdays?.Count ?? 0); i++)
        {
            var (date, reason) = data.Workdays![i];
            var path = $"workdays[{i}]";
            CheckNear(data.Year, date, path + ".date", source);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new CalendarDataException(source, path + ".date", $"{Iso(date)} is a {date.DayOfWeek}; make-up working days fall on weekends");
            }
            if (offDays.Contains(date))
            {
                throw new CalendarDataException(source, path + ".date", $"{Iso(date)} is also inside a holiday range");
            }
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new CalendarDataException(source, path + ".reason", "missing");
            }
        }
    }

    // A notice may reach into the neighbouring year (2023 元旦 began on 2022-12-31), never further.
    private static void CheckNear(int year, DateOnly date, string path, string source)
    {
        if (Math.Abs(date.Year - year) > 1)
        {
            throw new CalendarDataException(source, path, $"{Iso(date)} is too far from the year {year}");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
