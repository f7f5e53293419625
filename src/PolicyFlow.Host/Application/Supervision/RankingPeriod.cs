using PolicyFlow.Activities.Calendar;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>A reporting period in Shanghai days, <see cref="From"/> to <see cref="To"/> inclusive: a month, quarter, year or custom.</summary>
internal sealed record RankingPeriod(string Kind, DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => ChinaTime.StartOfDay(From);
    public DateTimeOffset End => ChinaTime.StartOfDay(To.AddDays(1));

    /// <summary>The period of kind <paramref name="kind"/> containing <paramref name="day"/> (today by default).</summary>
    public static RankingPeriod Of(string? kind, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var anchor = to ?? today;
        return (kind ?? "quarter") switch
        {
            "month" => new("month", new DateOnly(anchor.Year, anchor.Month, 1), new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(1).AddDays(-1)),
            "quarter" => Quarter(anchor),
            "year" => new("year", new DateOnly(anchor.Year, 1, 1), new DateOnly(anchor.Year, 12, 31)),
            "custom" when from is { } f && to is { } t && f <= t && t.DayNumber - f.DayNumber <= 3660 => new("custom", f, t),
            "custom" => throw EngineException.Invalid("A custom period needs from and to (yyyy-MM-dd), from ≤ to, at most ten years apart."),
            _ => throw EngineException.Invalid($"period must be month, quarter, year or custom, not '{kind}'."),
        };
    }

    private static RankingPeriod Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return new("quarter", first, first.AddMonths(3).AddDays(-1));
    }
}
