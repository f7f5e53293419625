using PolicyFlow.Activities.Deadlines;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 督办总览: a policy's measures (rows) × the provincial agencies involved and the 11 cities (columns); each cell the
/// worst light of its open tasks, done/total and overdue. With <see cref="Request.City"/> the columns are that city's own
/// agency and its counties. Two GROUP BYs in the database, whatever the number of tasks.
/// </summary>
internal sealed class MatrixReport(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock, WarningLightRule rule)
{
    internal sealed record Request(string? PolicyId = null, string? Step = null, string? City = null);

    public async Task<Matrix> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        if (!scope.SeesMatrix)
        {
            throw new AccessDeniedException("督办总览按全省或设区市汇总，县级账号请查看逾期清单。 The matrix covers the province or a city; a county account uses the overdue list.");
        }
        var city = request.City is null ? null
            : regions.Find(request.City) is { Level: RegionLevel.City } c ? c
            : throw new Engine.Runtime.EngineException(Engine.Runtime.EngineError.Invalid, $"'{request.City}' is not a city (设区市) code, e.g. 330100.");
        await using var db = dbFactory.Create();
        var policy = await PolicyChoice.FindAsync(db, request.PolicyId, cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PolicyId == policy.Id).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var rows = scope.Apply(ReportRows.All(db), db).Where(r => r.PolicyId == policy.Id);
        rows = request.Step is null ? rows : rows.Where(r => r.Step == request.Step);
        var lights = Lights.At(clock.GetUtcNow(), rule);

        List<(int? MeasureNo, string? Column, GroupCounts<bool> Counts)> cells;
        List<MatrixColumn> columns;
        if (city is null)
        {
            var provincial = await rows.Where(r => r.RegionLevel == RegionLevel.Province)
                .CountByAsync(r => new { r.MeasureNo, Column = (string?)r.Assignee }, lights, cancellationToken);
            var local = await rows.Where(r => r.CityCode != null)
                .CountByAsync(r => new { r.MeasureNo, Column = r.CityCode }, lights, cancellationToken);
            cells = [.. provincial.Concat(local).Select(g => (g.Key.MeasureNo, (string?)g.Key.Column, g.WithoutKey()))];
            var agencies = provincial.Select(p => p.Key.Column!).Distinct()
                .OrderBy(id => measures.Any(m => m.LeadAgencyId == id) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal);
            columns = [.. agencies.Select(id => new MatrixColumn(id, catalog.Find(id)?.Name ?? id, ColumnLevel.Agency)),
                .. regions.Cities.Select(r => new MatrixColumn(r.Code, r.Name, ColumnLevel.City))];
        }
        else
        {
            var code = city.Code;
            var counted = await rows.Where(r => r.CityCode == code)
                .CountByAsync(r => new { r.MeasureNo, Column = r.RegionCode }, lights, cancellationToken);
            cells = [.. counted.Select(g => (g.Key.MeasureNo, (string?)g.Key.Column, g.WithoutKey()))];
            columns = [new MatrixColumn(city.Code, city.Name + "本级", ColumnLevel.City),
                .. regions.CountiesOf(city.Code).Select(r => new MatrixColumn(r.Code, r.Name, ColumnLevel.County))];
        }
        var byCell = cells.ToDictionary(c => (c.MeasureNo, c.Column), c => c.Counts);
        var matrixRows = measures.Select(m =>
        {
            var line = columns.Select(col => byCell.GetValueOrDefault(((int?)m.Number, (string?)col.Key)) is { } g ? MatrixCell.From(g) : null).ToList();
            var all = cells.Where(c => c.MeasureNo == m.Number).Select(c => c.Counts).ToList();
            var summary = new MatrixCell(all.Sum(c => c.Total), all.Sum(c => c.Done), all.Sum(c => c.Open), all.Sum(c => c.Red), all.Sum(c => c.Yellow),
                Lights.Worst(all.Sum(c => c.Open), all.Sum(c => c.Red), all.Sum(c => c.Yellow)));
            return new MatrixRow(m.Number, m.NumberText, m.Title, m.LeadAgencyId, catalog.Find(m.LeadAgencyId)?.Name ?? m.LeadAgencyId, summary, line);
        }).ToList();
        return new Matrix(policy.Id, policy.Title, policy.DocumentNumber, lights.Now, city?.Code, columns, matrixRows);
    }
}

public static class ColumnLevel
{
    public const string Agency = "Agency";
    public const string City = "City";
    public const string County = "County";
}

public sealed record Matrix(string PolicyId, string PolicyTitle, string? DocumentNumber, DateTimeOffset AsOf, string? City,
    IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows);

/// <summary>A column: a provincial agency (its id), a city or a county (its region code).</summary>
public sealed record MatrixColumn(string Key, string Name, string Level);

/// <summary>A measure's line: its summary over every column, and one cell per column (null where it has no task).</summary>
public sealed record MatrixRow(int MeasureNo, string NumberText, string Title, string LeadAgencyId, string LeadAgencyName, MatrixCell Summary,
    IReadOnlyList<MatrixCell?> Cells);

/// <summary>Tasks behind a cell: total, completed, open, overdue (red), due soon (yellow), and the worst light.</summary>
public sealed record MatrixCell(int Total, int Done, int Open, int Overdue, int Yellow, string Light)
{
    internal static MatrixCell From<TKey>(GroupCounts<TKey> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new MatrixCell(counts.Total, counts.Done, counts.Open, counts.Red, counts.Yellow, counts.Light);
    }
}
