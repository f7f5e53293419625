using System.Globalization;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;

namespace PolicyFlow.Bench;

/// <summary>One generated task with its facts, its urge and its approved extension (if any). Times are Unix milliseconds.</summary>
internal readonly record struct TaskRow(
    Guid Id, Guid InstanceId, Guid BookmarkId, string Title, string Assignee, string Status, long CreatedAt, long DueAt,
    long? ClaimedAt, long? CompletedAt, string? ProgressNote, int? ProgressPercent, long? ProgressAt,
    string PolicyId, int MeasureNo, string MeasureTitle, string Step, string Kind, string RegionCode, string? CityCode, string RegionLevel,
    int Round, long? UrgedAt, int UrgeDay, long? ExtendedAt);

/// <summary>
/// The supervision data set: 20 policies of 10 measures, and tasks over every region and agency kind — the first policy a
/// big one (10% of the tasks), the other 19 sharing the rest; 30% open (due 60 days ago to 60 days ahead), 70% completed
/// (15% of them late); 2% in round 2; 10% of the overdue tasks urged; 2% with an approved extension. The same seed gives
/// the same rows, so PostgreSQL can read them once per COPY.
/// </summary>
internal sealed class ReportData(RegionDirectory regions, AgencyCatalog catalog, DateTimeOffset now, int tasks)
{
    public const int Policies = 20;
    public const int MeasuresPerPolicy = 10;
    private const long Day = 86_400_000;

    public DateTimeOffset Now => now;

    /// <summary>Reshapes each generated row (another bench's data set from the same seed); unchanged by default.</summary>
    public Func<TaskRow, TaskRow> Reshape { get; init; } = t => t;
    public int Tasks => tasks;

    public static string PolicyId(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-p{index + 1:D2}");

    /// <summary>The policy office's documents: id, title, 文号, imported a day apart (the last one most recently).</summary>
    public IEnumerable<(string Id, string Title, string Number, long ImportedAt, DateOnly EffectiveOn)> PolicyRows() =>
        Enumerable.Range(0, Policies).Select(p => (PolicyId(p), $"关于推进第{p + 1}项重点工作的若干政策措施",
            string.Create(CultureInfo.InvariantCulture, $"浙政办发〔2026〕{p + 1}号"), now.ToUnixTimeMilliseconds() - ((Policies - p) * Day),
            ChinaTime.DateOf(now.AddDays(-200))));

    public IEnumerable<(string PolicyId, int Number, string NumberText, string Title, string Lead)> MeasureRows() =>
        from p in Enumerable.Range(0, Policies)
        from n in Enumerable.Range(1, MeasuresPerPolicy)
        select (PolicyId(p), n, $"（{n}）", MeasureTitle(p, n), $"{LeadKind(p, n)}-{regions.Province.Code}");

    private static string MeasureTitle(int policy, int number) => $"第{policy + 1}号文件第{number}条措施";

    private string LeadKind(int policy, int number) => catalog.Kinds[((policy * MeasuresPerPolicy) + number) % catalog.Kinds.Count].Code;

    public IEnumerable<TaskRow> Rows()
    {
        var random = new Random(20261201);
        var nowMs = now.ToUnixTimeMilliseconds();
        var cities = regions.Cities;
        var counties = regions.All.Where(r => r.Level == RegionLevel.County).ToArray();
        var kinds = catalog.Kinds.Select(k => k.Code).ToArray();
        var guid = new byte[16];
        Guid NextGuid()
        {
            random.NextBytes(guid);
            return new Guid(guid);
        }
        for (var i = 0; i < tasks; i++)
        {
            var policy = random.NextDouble() < 0.1 ? 0 : 1 + random.Next(Policies - 1);
            var measure = 1 + random.Next(MeasuresPerPolicy);
            var lead = LeadKind(policy, measure);
            var levelDraw = random.NextDouble();
            var region = levelDraw < 0.08 ? regions.Province : levelDraw < 0.2 ? cities[random.Next(cities.Count)] : counties[random.Next(counties.Length)];
            var step = region.Level switch
            {
                RegionLevel.Province => random.NextDouble() switch { < 0.3 => "plan", < 0.8 => "co", _ => "report" },
                RegionLevel.City => "city",
                _ => "county",
            };
            var kind = step is "plan" or "report" || (step != "co" && random.NextDouble() < 0.6) ? lead : kinds[random.Next(kinds.Length)];
            var open = random.NextDouble() < 0.3;
            long due, created;
            long? claimed = null, completed = null;
            string status;
            if (open)
            {
                due = nowMs + (long)((random.NextDouble() * 120 - 60) * Day);
                created = due - (30 * Day);
                status = random.Next(2) == 0 ? "Open" : "Claimed";
                claimed = status == "Claimed" ? created + Day : null;
            }
            else
            {
                due = nowMs + (long)((random.NextDouble() * 340 - 320) * Day);
                created = due - (30 * Day);
                var finished = random.NextDouble() < 0.15 ? due + (long)((0.05 + random.NextDouble() * 20) * Day) : created + (long)((1 + random.NextDouble() * 28.9) * Day);
                completed = Math.Min(finished, nowMs - 3_600_000);
                claimed = created + Math.Min(Day, (completed.Value - created) / 2);
                status = "Completed";
            }
            var id = NextGuid();
            var urged = open && due <= nowMs && random.NextDouble() < 0.1 ? nowMs - (long)(random.NextDouble() * Math.Min(10 * Day, nowMs - due)) : (long?)null;
            var extended = random.NextDouble() < 0.02 ? Math.Min(created + (10 * Day), nowMs - Day) : (long?)null;
            yield return Reshape(new TaskRow(id, NextGuid(), NextGuid(), $"{MeasureTitle(policy, measure)}：{StepTitle(step)}", $"{kind}-{region.Code}", status,
                created, due, claimed, completed, claimed is null ? null : "已部署，正在推进", claimed is null ? null : 50, claimed,
                PolicyId(policy), measure, MeasureTitle(policy, measure), step, kind, region.Code,
                region.Level switch { RegionLevel.City => region.Code, RegionLevel.County => region.ParentCode, _ => null }, region.Level.ToString(),
                random.NextDouble() < 0.02 ? 2 : 1, urged, urged is { } u ? UrgeDay(u) : 0, extended));
        }
    }

    private static string StepTitle(string step) => step switch
    {
        "plan" => "制定实施方案", "co" => "配合落实", "report" => "报送落实情况", "city" => "市级落实", _ => "县级落实",
    };

    private static int UrgeDay(long at)
    {
        var day = ChinaTime.DateOf(DateTimeOffset.FromUnixTimeMilliseconds(at));
        return (day.Year * 10000) + (day.Month * 100) + day.Day;
    }
}
