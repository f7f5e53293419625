using System.Text.Json.Serialization;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 通报: one policy's supervision bulletin for a period, composed from the reports themselves — the summary and the red
/// and yellow lists from <see cref="MatrixReport"/>, the rankings from <see cref="RankingReport"/> — so every figure in the
/// bulletin, its printable page and its PDF is the figure of the report it came from. A province-wide caller gets the
/// provincial agencies and the 11 cities; a city's caller its own level and its counties; a county's is refused, as for
/// the matrix.
/// </summary>
internal sealed class BulletinReport(MatrixReport matrix, RankingReport ranking, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock)
{
    internal sealed record Request(string? PolicyId = null, string? Period = null, DateOnly? From = null, DateOnly? To = null, int? Number = null);

    public async Task<Bulletin> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Number is < 1 or > 999)
        {
            throw EngineException.Invalid("通报期号为 1–999。 The bulletin number is 1–999.");
        }
        var scope = ReportScope.For(caller, catalog, regions);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var period = RankingPeriod.Of(request.Period ?? "month", request.From, request.To, today);
        var city = scope.Region is { Level: RegionLevel.City } c ? c : null;

        var report = await matrix.HandleAsync(caller, new MatrixReport.Request(request.PolicyId, City: city?.Code), cancellationToken);
        var ofs = city is null ? new[] { "agency", "city" } : ["county"];
        var rankings = new List<Ranking>();
        foreach (var of in ofs)
        {
            rankings.Add(await ranking.HandleAsync(caller, new RankingReport.Request(of, period.Kind, period.From, period.To, report.PolicyId), cancellationToken));
        }

        var rows = report.Rows;
        var summary = new BulletinSummary(rows.Count, rows.Sum(r => r.Summary.Total), rows.Sum(r => r.Summary.Done), rows.Sum(r => r.Summary.Open),
            rows.Sum(r => r.Summary.Overdue), rows.Sum(r => r.Summary.Yellow),
            rows.Count(r => r.Summary.Light == Lights.Done), rows.Count(r => r.Summary.Overdue > 0));
        return new Bulletin(report.PolicyId, report.PolicyTitle, report.DocumentNumber, city?.Name ?? regions.Province.Name, city?.Code,
            period.From.Year, request.Number ?? Ordinal(period), period.Kind, period.From, period.To, today, report.AsOf, summary,
            Lines(report, ColumnLevel.Agency), Lines(report, city is null ? ColumnLevel.City : null), rankings,
            [.. RankingReport.Rules.Select(r => new FigureRule(r.ZhCn, r.En))]);
    }

    /// <summary>The bulletin's number within its year: the month's or the quarter's ordinal; a year's or a custom period's is 1.</summary>
    private static int Ordinal(RankingPeriod period) => period.Kind switch
    {
        "month" => period.From.Month,
        "quarter" => ((period.From.Month - 1) / 3) + 1,
        _ => 1,
    };

    /// <summary>The matrix's columns of one level (all but the agencies' when null) summed over the measures: those with red or yellow tasks.</summary>
    private static List<BulletinLine> Lines(Matrix report, string? level)
    {
        var lines = new List<BulletinLine>();
        for (var i = 0; i < report.Columns.Count; i++)
        {
            var column = report.Columns[i];
            if (level is null ? column.Level == ColumnLevel.Agency : column.Level != level)
            {
                continue;
            }
            var cells = report.Rows.Select(r => r.Cells[i]).OfType<MatrixCell>().ToList();
            var line = new BulletinLine(column.Key, column.Name, cells.Sum(c => c.Total), cells.Sum(c => c.Done), cells.Sum(c => c.Overdue),
                cells.Sum(c => c.Yellow), cells.Count(c => c.Overdue > 0));
            if (line.Overdue > 0 || line.Yellow > 0)
            {
                lines.Add(line);
            }
        }
        return [.. lines.OrderByDescending(l => l.Overdue).ThenByDescending(l => l.Yellow).ThenBy(l => l.Key, StringComparer.Ordinal)];
    }
}

/// <summary>
/// A 通报: <see cref="Issuer"/> (the province or the caller's city), its number <see cref="Number"/> of <see cref="Year"/>
/// (第N期), the period, the day it is issued and the cut-off (<see cref="AsOf"/>, 截至), the summary, the agencies and the
/// regions with red or yellow tasks, and the rankings of the period (agencies and cities, or a city's counties).
/// </summary>
public sealed record Bulletin(string PolicyId, string PolicyTitle, string? DocumentNumber, string Issuer, string? City, int Year, int Number,
    string Period, DateOnly From, DateOnly To, DateOnly IssuedOn, DateTimeOffset AsOf, BulletinSummary Summary,
    IReadOnlyList<BulletinLine> Agencies, IReadOnlyList<BulletinLine> Regions, IReadOnlyList<Ranking> Rankings, IReadOnlyList<FigureRule> Rules);

/// <summary>The matrix's totals: measures, tasks, done, open, overdue (red), due soon (yellow), measures all done, measures with overdue tasks.</summary>
public sealed record BulletinSummary(int Measures, int Tasks, int Done, int Open, int Overdue, int Yellow, int MeasuresDone, int MeasuresWithOverdue);

/// <summary>An agency or region with red or yellow tasks: its tasks over every measure and how many measures have overdue ones.</summary>
public sealed record BulletinLine(string Key, string Name, int Total, int Done, int Overdue, int Yellow, int MeasuresWithOverdue);

/// <summary>The rule behind a ranking figure, in Chinese and English (JSON <c>zhCN</c>, <c>en</c>).</summary>
public sealed record FigureRule([property: JsonPropertyName("zhCN")] string ZhCn, string En);
