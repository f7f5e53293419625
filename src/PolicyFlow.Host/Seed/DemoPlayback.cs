using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Seed;

/// <summary>
/// The Development demo (<c>Seed:Demo</c>): the seed policy is launched <see cref="Weeks"/> weeks ago and played forward
/// to today through the engine and the use cases, as its users would have worked — the host's <see cref="DemoClock"/> is
/// pinned to each moment played, and the timer pump fires what fell due in between. So every task, timer, journal entry,
/// audit line and email carries the time it would have had, and nothing is written behind the engine's back.
/// What each user does is decided by the task's id (the same on every run): most plans done on time, co-agencies, cities
/// and counties completing at their own pace — some late, some not yet — a few returns for rework, extensions asked,
/// approved or refused, and leadership urging (催办) what is overdue. It runs once per database: only when the policy has
/// not been launched yet.
/// </summary>
internal sealed class DemoPlayback(DemoClock clock, PolicyLauncher launcher, TimerPump pump, DbFactory dbFactory, ClaimTask claim,
    ReportProgress progress, CompleteTask complete, ExtensionService extensions, UrgeTasks urge, WorkingCalendar calendar,
    ILogger<DemoPlayback> logger)
{
    /// <summary>How long ago the tracking started: long enough for county deadlines (30 working days) to have passed.</summary>
    public const int Weeks = 9;

    private static readonly TimeOnly[] Slots = [new(9, 30), new(15, 0)];

    private static readonly Caller Office = new("policy-office", new HashSet<string> { Roles.PolicyOffice }, "jx-330000");
    private static readonly Caller Leader = new("leader", new HashSet<string> { Roles.Leadership }, "jx-330000");

    private int _actions;

    public async Task PlayAsync(string policyId, CancellationToken cancellationToken)
    {
        var end = TimeProvider.System.GetUtcNow();
        var firstDay = ChinaTime.DateOf(end).AddDays(-7 * Weeks);
        logger.LogInformation("Demo: playing policy {Policy} from {Start} to today (Seed:Demo=false turns this off)", policyId, firstDay);
        try
        {
            clock.Pin(ChinaTime.At(firstDay, new TimeOnly(9, 0)));
            await launcher.LaunchAsync(policyId, Office.UserName, cancellationToken);
            var moments = Enumerable.Range(0, 7 * Weeks + 1).Select(firstDay.AddDays)
                .SelectMany(day => Slots.Select(slot => ChinaTime.At(day, slot))).Where(at => at <= end).ToList();
            for (var i = 0; i < moments.Count; i++)
            {
                clock.Pin(moments[i]);
                await pump.DrainAsync(cancellationToken: cancellationToken);
                await ActAsync(moments[i], last: i == moments.Count - 1, cancellationToken);
            }
        }
        finally
        {
            clock.Release();
        }
        await pump.DrainAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Demo: played {Actions} user actions up to now", _actions);
    }

    private sealed record OpenTask(Guid Id, WorkTaskStatus Status, string Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
        string Outcomes, int? ProgressPercent, string Step, int? MeasureNo, int Round, string? CityCode);

    private async Task ActAsync(DateTimeOffset now, bool last, CancellationToken cancellationToken)
    {
        List<OpenTask> open;
        List<ExtensionRequest> pending;
        HashSet<Guid> asked;
        await using (var db = dbFactory.Create())
        {
            open = await db.TaskFacts.AsNoTracking().Open()
                .Join(db.Tasks, f => f.TaskId, t => t.Id, (f, t) => new OpenTask(t.Id, t.Status, t.Assignee, t.CreatedAt, t.DueAt, t.Outcomes,
                    t.ProgressPercent, f.Step, f.MeasureNo, f.Round, f.CityCode))
                .ToListAsync(cancellationToken);
            pending = await db.Extensions.AsNoTracking().Where(e => e.Status == ExtensionStatus.Pending).ToListAsync(cancellationToken);
            asked = [.. await db.Extensions.AsNoTracking().Select(e => e.TaskId).ToListAsync(cancellationToken)];
        }
        foreach (var request in pending.Where(r => now - r.RequestedAt >= TimeSpan.FromHours(20)))
        {
            var approve = Hash(request.TaskId) % 3 != 0;
            await extensions.DecideAsync(request.Id, approve, approve ? "同意延期，请按新期限完成。" : "理由不充分，请按原期限完成。", Office.UserName, cancellationToken);
            _actions++;
        }
        foreach (var task in open.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id))
        {
            await ActAsync(task, now, asked, cancellationToken);
        }
        if (last || (ChinaTime.DateOf(now).DayOfWeek == DayOfWeek.Monday && now.TimeOfDay < TimeSpan.FromHours(12)))
        {
            await UrgeOverdueAsync(now, last ? 40 : 10, cancellationToken);
        }
    }

    /// <summary>What the assignee does with one open task at this moment, if anything: sign, report progress, ask for more time, finish.</summary>
    private async Task ActAsync(OpenTask task, DateTimeOffset now, HashSet<Guid> asked, CancellationToken cancellationToken)
    {
        var age = (now - task.CreatedAt).TotalDays;
        var h = Hash(task.Id);
        var user = new Caller(task.Assignee, new HashSet<string> { Roles.AgencyStaff }, task.Assignee);
        var (sign, report, done, extend) = Plan(task, h);
        if (task.Step == StepNames.Review)
        {
            // The lead reviews its co-agencies' work: every third measure's first submission goes back for more.
            if (age >= 1.5)
            {
                var rework = task.Round == 1 && task.MeasureNo % 3 == 0;
                await TryAsync(task, () => complete.HandleAsync(user, task.Id, rework
                    ? new CompleteTask.Request(TaskOutcomes.Return, "落实材料不完整，请补充具体举措和数据后重新报送。")
                    : new CompleteTask.Request("Accept", "审核通过。"), cancellationToken));
            }
            return;
        }
        if (task.Status == WorkTaskStatus.Open && sign is { } s && age >= s)
        {
            await TryAsync(task, () => claim.HandleAsync(user, task.Id, cancellationToken));
            return;
        }
        if (task.Status != WorkTaskStatus.Claimed)
        {
            return;
        }
        if (extend && !asked.Contains(task.Id) && task.DueAt is { } due && age >= 20 && due > now)
        {
            var longer = DueDay.ToDueAt(calendar.AddWorkingDays(DueDay.Of(due), 10));
            await TryAsync(task, () => extensions.RequestAsync(task.Id, longer, "涉及多个部门协调，工作量大，申请延期10个工作日。", user.UserName, cancellationToken));
            asked.Add(task.Id);
            return;
        }
        if (done is { } d && age >= d)
        {
            var outcome = task.Outcomes.Split(',', StringSplitOptions.TrimEntries)[0];
            await TryAsync(task, () => complete.HandleAsync(user, task.Id, new CompleteTask.Request(outcome, "已按要求完成，相关材料已报送。"), cancellationToken));
            return;
        }
        if (report is { } r && age >= r && task.ProgressPercent is null)
        {
            await TryAsync(task, () => progress.HandleAsync(user, task.Id,
                new ReportProgress.Request(ProgressNotes[h % ProgressNotes.Length], 30 + (h % 5) * 10), cancellationToken));
        }
    }

    /// <summary>
    /// After how many days (since the task was created) its assignee signs, reports progress and completes it — null for
    /// never — and whether it asks for more time. Plans are done within a few weeks (measure 9's late), so the measures'
    /// local deadlines fall at different days: some passed, some this week, some still ahead. Cities differ: in some
    /// nearly every county finishes, in others many are still at it.
    /// </summary>
    private static (double? Sign, double? Report, double? Done, bool Extend) Plan(OpenTask task, int h)
    {
        var lagging = Lagging(task.CityCode);
        return task.Step switch
        {
            StepNames.Plan => (0.2, 2, PlanDays[((task.MeasureNo ?? 1) - 1) % PlanDays.Length], false),
            StepNames.CoAgency => (1 + h % 3, 10, (h % 10) switch { < 7 => 12 + h % 25, 7 => 44 + h % 10, _ => null }, false),
            StepNames.City => (1 + h % 4, 15, h % 100 < 2 * lagging + 10 ? null : 30 + h % 25, false),
            StepNames.County => ((h % 20) < 17 ? 1 + h % 5 : 8 + h % 30, (h % 10) < 6 ? 12 : null,
                (h % 100) < lagging ? null : (h % 100) < lagging + 8 ? 45 + h % 12 : 14 + h % 27, h % 100 is >= 90 and < 96),
            StepNames.Report => (0.5, null, 3, false),
            StepNames.Monthly => (0.5, null, (h % 10) < 8 ? 2 + h % 4 : null, false),
            _ => (1, null, 5, false),
        };
    }

    private static readonly double[] PlanDays = [3, 4, 5, 6, 7, 9, 11, 19, 24, 22];

    /// <summary>The share (%) of a city's county tasks that are not finished yet: 杭州 2% … 丽水 30%.</summary>
    private static int Lagging(string? cityCode) =>
        cityCode is { Length: >= 4 } && int.TryParse(cityCode.AsSpan(2, 2), out var n) && n is >= 1 and <= 11 ? LaggingByCity[n - 1] : 10;

    private static readonly int[] LaggingByCity = [2, 4, 0, 6, 8, 3, 12, 15, 5, 20, 30];

    /// <summary>Leadership urges the most overdue tasks nobody urged today — as it would from the overdue list.</summary>
    private async Task UrgeOverdueAsync(DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = dbFactory.Create())
        {
            var day = UrgeTasks.DayOf(now);
            ids = await db.TaskFacts.AsNoTracking().Open()
                .Where(f => f.DueAt <= now)
                .Where(f => !db.Urges.Any(u => u.TaskId == f.TaskId && u.Day == day))
                .OrderBy(f => f.DueAt).ThenBy(f => f.TaskId).Select(f => f.TaskId).Take(count).ToListAsync(cancellationToken);
        }
        if (ids.Count > 0)
        {
            await urge.HandleAsync(Leader, new UrgeTasks.Request(ids, "该项任务已逾期，请抓紧办理并于三个工作日内报送进展。"), cancellationToken);
            _actions += ids.Count;
        }
    }

    /// <summary>One user action; one the rules refuse (a task changed meanwhile) is logged and the playback goes on.</summary>
    private async Task TryAsync(OpenTask task, Func<Task> action)
    {
        try
        {
            await action();
            _actions++;
        }
        catch (Exception ex) when (ex is EngineException or Application.AccessDeniedException)
        {
            logger.LogWarning("Demo: {Step} task {Task} of {Assignee} refused: {Reason}", task.Step, task.Id, task.Assignee, ex.Message);
        }
    }

    private static readonly string[] ProgressNotes =
    [
        "已召开专题会议部署，正在制定具体方案。",
        "已完成摸底调查，正在汇总数据。",
        "已印发实施细则，正在组织培训。",
        "相关政策已对接落实，正在跟踪推进。",
        "已落实专人负责，部分工作已完成。",
    ];

    private static int Hash(Guid id)
    {
        var bytes = id.ToByteArray();
        return (int)(BitConverter.ToUInt32(bytes, 0) % 1_000_003);
    }
}
