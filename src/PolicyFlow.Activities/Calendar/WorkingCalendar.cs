using System.Collections.Frozen;

namespace PolicyFlow.Activities.Calendar;

/// <summary>
/// Mainland China working days: Monday to Friday, minus the State Council's holidays, plus its make-up
/// working days (调休上班). Outside the years with data only weekends are days off, so check
/// <see cref="Covers"/> before trusting a date far ahead. Immutable and safe to share.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<int, CalendarYear> years;

    // Date → whether it is a working day, for every date a notice mentions; other dates follow the weekday.
    private readonly FrozenDictionary<DateOnly, bool> exceptions;

    /// <summary>Builds a calendar from checked year data; each year may appear once.</summary>
    /// <exception cref="CalendarDataException">A year's data is implausible.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year);
            CalendarYearCheck.Check(year, $"year {year.Year}");
            if (!byYear.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"The year {year.Year} is given more than once.", nameof(years));
            }
        }
        this.years = byYear.ToFrozenDictionary();
        Years = [.. byYear.Keys];
        exceptions = Exceptions(byYear.Values);
    }

    /// <summary>A calendar without holiday data: Monday to Friday are working days.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    /// <summary>The years with holiday data, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The calendar built from the 2024–2026 notices embedded in this assembly.</summary>
    /// <exception cref="InvalidOperationException">The data files were not embedded at build time.</exception>
    public static WorkingCalendar LoadEmbedded() => EmbeddedHolidayData.Calendar;

    /// <summary>
    /// The embedded calendar with the years from <c>*.json</c> files in <paramref name="directory"/> added or
    /// replacing embedded ones, so that next year's notice is a file drop rather than a release.
    /// A null or empty <paramref name="directory"/> means the embedded data only.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory is named but does not exist.</exception>
    /// <exception cref="CalendarDataException">A file is malformed, or two files give the same year.</exception>
    public static WorkingCalendar LoadEmbeddedAnd(string? directory)
    {
        var calendar = LoadEmbedded();
        return string.IsNullOrEmpty(directory) ? calendar : calendar.WithYears(EmbeddedHolidayData.ReadDirectory(directory));
    }

    /// <summary>Reads one year from each JSON document; errors name documents by position ("json[0]", …).</summary>
    /// <exception cref="CalendarDataException">A document is malformed.</exception>
    public static WorkingCalendar Load(IEnumerable<string> jsonDocuments)
    {
        ArgumentNullException.ThrowIfNull(jsonDocuments);
        return new(jsonDocuments.Select((json, i) => CalendarYear.Parse(json, $"json[{i}]")));
    }

    /// <summary>Reads one year from each reader; errors name readers by position ("reader[0]", …).</summary>
    /// <exception cref="CalendarDataException">A document is malformed.</exception>
    public static WorkingCalendar Load(IEnumerable<TextReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        return new(readers.Select((reader, i) => CalendarYear.Load(reader, $"reader[{i}]")));
    }

    /// <summary>A copy of this calendar with <paramref name="year"/> added, or replacing the same year.</summary>
    public WorkingCalendar WithYear(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return WithYears([year]);
    }

    /// <summary>The data for <paramref name="year"/>, or null when the year is not covered.</summary>
    public CalendarYear? GetYear(int year) => years.GetValueOrDefault(year);

    /// <summary>Whether <paramref name="date"/>'s year has holiday data; if not, only weekends are days off.</summary>
    public bool Covers(DateOnly date) => years.ContainsKey(date.Year);

    /// <summary>Whether people work on <paramref name="date"/>: a weekday that is no holiday, or a make-up working day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var working)
            ? working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>; <paramref name="start"/> itself
    /// is not counted (自次日起算), so 0 returns <paramref name="start"/> unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }
        return date;
    }

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]: <paramref name="from"/> excluded,
    /// <paramref name="to"/> included, so that <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// Negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary><paramref name="date"/> if it is a working day, otherwise the next working day after it.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    private WorkingCalendar WithYears(IEnumerable<CalendarYear> replacements)
    {
        var merged = years.Values.ToDictionary(y => y.Year);
        foreach (var year in replacements)
        {
            merged[year.Year] = year;
        }
        return new(merged.Values);
    }

    private static FrozenDictionary<DateOnly, bool> Exceptions(IEnumerable<CalendarYear> ascending)
    {
        // Later notices win where two mention the same date (a notice may reach into the year before).
        var map = new Dictionary<DateOnly, bool>();
        foreach (var year in ascending)
        {
            foreach (var range in year.Holidays)
            {
                for (var day = range.From; day <= range.To; day = day.AddDays(1))
                {
                    map[day] = false;
                }
            }
            foreach (var workday in year.Workdays ?? [])
            {
                map[workday.Date] = true;
            }
        }
        return map.ToFrozenDictionary();
    }
}
