using System.Globalization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>The bulletin's sentences and figures as text, the same on the printable page and in the PDF (zh-CN, en).</summary>
public static class BulletinText
{
    /// <summary>A rate as 87.5% (the invariant culture's P format would write "87.5 %").</summary>
    public static string Rate(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Days(double days) => days.ToString("0.##", CultureInfo.InvariantCulture);

    public static string DayZh(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    public static string Day(DateOnly day, bool english) =>
        english ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : DayZh(day);

    public static string CutOff(DateTimeOffset asOf) =>
        TimeZoneInfo.ConvertTime(asOf, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>第N期 (Year No. N).</summary>
    public static string Number(Bulletin bulletin, bool english)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        return english ? $"{bulletin.Year} No. {bulletin.Number}" : $"{bulletin.Year}年第{bulletin.Number}期";
    }

    public static string Heading(Bulletin bulletin, bool english)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var number = bulletin.DocumentNumber is null ? "" : $"（{bulletin.DocumentNumber}）";
        return english
            ? $"Implementation of “{bulletin.PolicyTitle}”{number}"
            : $"《{bulletin.PolicyTitle}》{number}落实情况通报";
    }

    public static string Period(Bulletin bulletin, bool english)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        return english
            ? $"Period: {Day(bulletin.From, true)} – {Day(bulletin.To, true)}; figures as of {CutOff(bulletin.AsOf)} (Beijing time)"
            : $"统计期：{DayZh(bulletin.From)}至{DayZh(bulletin.To)}　数据截至：{CutOff(bulletin.AsOf)}（北京时间）";
    }

    public static string Summary(Bulletin bulletin, bool english)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var s = bulletin.Summary;
        return english
            ? $"The policy has {s.Measures} measures and {s.Tasks} tasks. As of {CutOff(bulletin.AsOf)}, {s.Done} are done and {s.Open} open, of which "
              + $"{s.Overdue} are overdue (red) and {s.Yellow} due within the yellow days (yellow); {s.MeasuresDone} measures are done in full and "
              + $"{s.MeasuresWithOverdue} have overdue tasks."
            : $"本政策共 {s.Measures} 项措施、{s.Tasks} 项任务。截至 {CutOff(bulletin.AsOf)}，已办结 {s.Done} 项，未办结 {s.Open} 项，其中逾期（红灯）"
              + $"{s.Overdue} 项、即将到期（黄灯）{s.Yellow} 项；{s.MeasuresDone} 项措施已全部办结，{s.MeasuresWithOverdue} 项措施存在逾期任务。";
    }

    /// <summary>A ranking row's cells in the order of the ranking table.</summary>
    public static IReadOnlyList<string> Cells(RankingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [$"{row.Rank}", row.Name, $"{row.Due}", $"{row.OnTime}", Rate(row.OnTimeRate), $"{row.OverdueNow}", Days(row.AverageWorkingDaysLate),
            $"{row.Returns}", $"{row.Extensions}", $"{row.Urges}"];
    }

    /// <summary>A red/yellow line's cells in the order of its table (the row number first).</summary>
    public static IReadOnlyList<string> Cells(BulletinLine line, int index)
    {
        ArgumentNullException.ThrowIfNull(line);
        return [$"{index}", line.Name, $"{line.Overdue}", $"{line.Yellow}", $"{line.MeasuresWithOverdue}", $"{line.Done}/{line.Total}"];
    }
}
