using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 台账: the ledger as an .xlsx — one row per task (what the filters of the overdue list select, or every task), the
/// matrix, or the ranking — with Chinese headers, a frozen header row, set widths and a sheet 说明 stating the cut-off time
/// (截至) and the filters. Task rows stream from the database into a temporary file, so 100,000 rows never sit in memory.
/// </summary>
internal sealed class LedgerExport(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock,
    MatrixReport matrix, RankingReport ranking, WarningLightRule rule)
{
    internal sealed record Request(string? Sheet = null, string? PolicyId = null, int? MeasureNo = null, string? Kind = null, string? Region = null,
        string? Step = null, string? Light = null, string? City = null, string? Of = null, string? Period = null, DateOnly? From = null, DateOnly? To = null);

    internal sealed record Export(string FileName, Stream Content);

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Export> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        var now = clock.GetUtcNow();
        var cutOff = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetTempPath(), $"policyflow-ledger-{Guid.NewGuid():N}.xlsx");
        var sheet = request.Sheet ?? "tasks";
        await using (var db = dbFactory.Create())
        {
            var (data, columns, about) = sheet switch
            {
                "tasks" => ((object)TaskRows(db, scope, request, Lights.At(now, rule)), TaskColumns, Describe(request)),
                "matrix" => MatrixSheet(await matrix.HandleAsync(caller, new MatrixReport.Request(request.PolicyId, request.Step, request.City), cancellationToken), request),
                "ranking" => RankingSheet(await ranking.HandleAsync(caller, new RankingReport.Request(request.Of, request.Period, request.From, request.To,
                    request.PolicyId), cancellationToken), request),
                _ => throw EngineException.Invalid($"sheet must be tasks, matrix or ranking, not '{sheet}'."),
            };
            var sheets = new Dictionary<string, object>
            {
                [SheetName(sheet)] = data,
                ["说明"] = new[]
                {
                    new Dictionary<string, object?> { ["项目"] = "截至", ["内容"] = $"截至 {cutOff}（北京时间）" },
                    new Dictionary<string, object?> { ["项目"] = "范围", ["内容"] = about },
                    new Dictionary<string, object?> { ["项目"] = "灯色规则", ["内容"] = $"红灯：已过完成时限未办结；黄灯：距完成时限 {rule.YellowDays} 天内；绿灯：其余未办结任务。" },
                },
            };
            var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, DynamicColumns = columns };
            await MiniExcel.SaveAsAsync(path, sheets, configuration: configuration, cancellationToken: cancellationToken);
        }
        var stamp = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return new Export($"台账-{SheetName(sheet)}-截至{stamp}.xlsx",
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous));
    }

    private IEnumerable<Dictionary<string, object?>> TaskRows(Activities.Persistence.PolicyFlowDbContext db, ReportScope scope, Request request, Lights lights)
    {
        var policies = db.Policies.AsNoTracking().Select(p => new { p.Id, p.Title, p.DocumentNumber }).ToDictionary(p => p.Id);
        var measures = db.Measures.AsNoTracking().Select(m => new { m.PolicyId, m.Number, m.NumberText, m.Title, m.LeadAgencyId }).ToDictionary(m => (m.PolicyId, m.Number));
        var rows = scope.Apply(ReportRows.All(db), db);
        rows = request.Light is null
            ? OverdueList.Where(rows, request.PolicyId, request.MeasureNo, request.Kind, request.Region, request.Step)
            : OverdueList.Filter(rows, new OverdueList.Request(request.PolicyId, request.MeasureNo, request.Kind, request.Region, request.Step, request.Light), lights);
        var query = rows.OrderBy(r => r.PolicyId).ThenBy(r => r.MeasureNo).ThenBy(r => r.CreatedAt).ThenBy(r => r.TaskId)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new
            {
                r.PolicyId, r.MeasureNo, r.MeasureTitle, r.Step, r.RegionCode, r.Assignee, t.Title, r.CreatedAt,
                r.DueAt, r.Status, r.CompletedAt, t.ProgressNote, t.ProgressPercent, r.UrgeCount,
            });
        foreach (var t in query.AsEnumerable())
        {
            var policy = t.PolicyId is null ? null : policies.GetValueOrDefault(t.PolicyId);
            var measure = t.PolicyId is null || t.MeasureNo is null ? null : measures.GetValueOrDefault((t.PolicyId, t.MeasureNo.Value));
            var open = t.Status is WorkTaskStatus.Open or WorkTaskStatus.Claimed;
            yield return new Dictionary<string, object?>
            {
                ["policy"] = policy?.Title,
                ["number"] = policy?.DocumentNumber,
                ["measure"] = measure is null ? t.MeasureTitle : $"{measure.NumberText}{measure.Title}",
                ["lead"] = measure is null ? null : catalog.Find(measure.LeadAgencyId)?.Name ?? measure.LeadAgencyId,
                ["assignee"] = catalog.Find(t.Assignee)?.Name ?? t.Assignee,
                ["region"] = regions.Find(t.RegionCode)?.Name ?? t.RegionCode,
                ["step"] = StepLabel(t.Step),
                ["task"] = t.Title,
                ["created"] = Day(t.CreatedAt),
                ["due"] = t.DueAt is { } due ? DueDay.Of(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ["status"] = StatusLabel(t.Status),
                ["light"] = open ? LightLabel(rule.Of(t.DueAt, lights.Now).ToString()) : "已办结",
                ["overdue"] = open && t.DueAt is { } d ? lights.DaysOverdue(d) : null,
                ["progress"] = t.ProgressNote is null ? null : t.ProgressPercent is { } p ? $"{p}% {t.ProgressNote}" : t.ProgressNote,
                ["completed"] = t.CompletedAt is { } c ? Day(c) : null,
                ["urges"] = t.UrgeCount,
            };
        }
    }

    /// <summary>The matrix as shown: a line per measure, a column per agency or region, widths set; 说明 names the policy, step and city.</summary>
    private (object, DynamicExcelColumn[], string) MatrixSheet(Matrix report, Request request)
    {
        DynamicExcelColumn[] columns = [Column("措施", "措施", 0, 48), Column("牵头单位", "牵头单位", 1, 26), Column("合计", "合计", 2, 20),
            .. report.Columns.Select((c, i) => Column(c.Name, c.Name, i + 3, Math.Max(14, (c.Name.Length * 2) + 4)))];
        var about = string.Join("；", new[]
        {
            $"政策 {report.DocumentNumber} {report.PolicyTitle}", request.Step is null ? "全部环节" : $"环节 {StepLabel(request.Step)}",
            report.City is null ? "全省：省级部门和设区市" : $"{regions.Find(report.City)?.Name ?? report.City}：本级和所辖县（市、区）",
            "格内：灯色 已办结/任务总数 逾期数",
        });
        return (MatrixRows(report), columns, about);
    }

    /// <summary>The ranking as shown, widths set; 说明 names what is ranked and the period.</summary>
    private static (object, DynamicExcelColumn[], string) RankingSheet(Ranking report, Request request)
    {
        DynamicExcelColumn[] columns = [Column("名次", "名次", 0, 8), Column("单位/地区", "单位/地区", 1, 34),
            .. new[] { "应办结", "按期办结", "按期办结率", "当前逾期", "平均逾期工作日", "退办", "延期", "催办" }.Select((name, i) => Column(name, name, i + 2, name.Length > 4 ? 16 : 12))];
        var of = report.Of switch { "agency" => "省级部门", "city" => "设区市", _ => "县（市、区）" };
        var about = $"排名对象 {of}；统计期 {report.From:yyyy-MM-dd} 至 {report.To:yyyy-MM-dd}；{(request.PolicyId is null ? "全部政策" : $"政策 {request.PolicyId}")}；"
            + string.Join(" ", RankingReport.Rules.Select((r, i) => $"{i + 1}. {r.ZhCn}"));
        return (RankingRows(report), columns, about);
    }

    private static IEnumerable<Dictionary<string, object?>> MatrixRows(Matrix report) => report.Rows.Select(row =>
    {
        var line = new Dictionary<string, object?>
        {
            ["措施"] = $"{row.NumberText}{row.Title}",
            ["牵头单位"] = row.LeadAgencyName,
            ["合计"] = CellText(row.Summary),
        };
        for (var i = 0; i < report.Columns.Count; i++)
        {
            line[report.Columns[i].Name] = row.Cells[i] is { } cell ? CellText(cell) : "—";
        }
        return line;
    });

    private static IEnumerable<Dictionary<string, object?>> RankingRows(Ranking report) => report.Rows.Select(r => new Dictionary<string, object?>
    {
        ["名次"] = r.Rank,
        ["单位/地区"] = r.Name,
        ["应办结"] = r.Due,
        ["按期办结"] = r.OnTime,
        ["按期办结率"] = BulletinText.Rate(r.OnTimeRate),
        ["当前逾期"] = r.OverdueNow,
        ["平均逾期工作日"] = r.AverageWorkingDaysLate,
        ["退办"] = r.Returns,
        ["延期"] = r.Extensions,
        ["催办"] = r.Urges,
    });

    private static readonly DynamicExcelColumn[] TaskColumns =
    [
        Column("policy", "政策文件", 0, 36), Column("number", "文号", 1, 22), Column("measure", "措施", 2, 40), Column("lead", "牵头单位", 3, 24),
        Column("assignee", "承办单位", 4, 24), Column("region", "地区", 5, 12), Column("step", "环节", 6, 12), Column("task", "任务", 7, 40),
        Column("created", "交办日期", 8, 12), Column("due", "完成时限", 9, 12), Column("status", "状态", 10, 10), Column("light", "灯色", 11, 8),
        Column("overdue", "逾期天数", 12, 10), Column("progress", "最新进展", 13, 40), Column("completed", "办结日期", 14, 12), Column("urges", "催办次数", 15, 10),
    ];

    private static DynamicExcelColumn Column(string key, string name, int index, int width) => new(key) { Name = name, Index = index, Width = width };

    private static string SheetName(string sheet) => sheet switch { "matrix" => "督办总览", "ranking" => "排名", _ => "任务台账" };

    private static string CellText(MatrixCell cell) =>
        $"{LightLabel(cell.Light)} {cell.Done}/{cell.Total}{(cell.Overdue > 0 ? $" 逾期{cell.Overdue}" : "")}";

    private static string Describe(Request r) => string.Join("；", new[]
    {
        r.PolicyId is null ? "全部政策" : $"政策 {r.PolicyId}", r.MeasureNo is null ? null : $"措施 {r.MeasureNo}", r.Kind is null ? null : $"条线 {r.Kind}",
        r.Region is null ? null : $"地区 {r.Region}", r.Step is null ? null : $"环节 {StepLabel(r.Step)}", r.Light is null ? null : $"灯色 {LightLabel(r.Light)}",
    }.Where(x => x is not null));

    internal static string StepLabel(string step) => step switch
    {
        "plan" => "制定方案", "monthly" => "月度报告", "co" => "配合落实", "review" => "审核", "city" => "市级落实", "county" => "县级落实", "report" => "落实报告",
        _ => step,
    };

    private static string StatusLabel(WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.Open => "待签收", WorkTaskStatus.Claimed => "办理中", WorkTaskStatus.Completed => "已办结", _ => "已撤销",
    };

    private static string LightLabel(string light) => light switch
    {
        "Red" => "红灯", "Yellow" => "黄灯", "Green" => "绿灯", "RedYellow" => "红黄灯", Lights.Done => "已办结", _ => light,
    };

    private static string Day(DateTimeOffset instant) => ChinaTime.DateOf(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
