using System.Text.Json.Nodes;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyFlow.Activities.Steps;

/// <summary>
/// Creates an agency's task with its due date (calendar or working days, from creation or the policy's effective date),
/// its reminder, overdue and escalation timers, and the assignment notice — all in the burst's transaction.
/// </summary>
internal static class AgencyTasks
{
    /// <summary>How far past the due date notices are planned; later ones are not needed once leadership is escalated to.</summary>
    private static readonly TimeSpan NoticeHorizon = TimeSpan.FromDays(60);

    private const string RoundsVariable = "stepRounds";

    public static WorkTask Create(ActivityContext context, string agencyId, IReadOnlyList<string> outcomes, int round, DateTimeOffset? dueAt = null,
        string? title = null)
    {
        var catalog = context.Services.GetRequiredService<AgencyCatalog>();
        var agency = catalog.Find(agencyId)
            ?? throw new InvalidOperationException($"Agency '{agencyId}' is not in the directory; map it in the agency directory first.");
        dueAt ??= DueAt(context);
        var task = context.CreateTask(title ?? context.GetString("title")!, agency.Id, outcomes, dueAt, context.GetString("instructions"),
            TaskSettings.Of(context.RawProperty("notices")));
        context.Db.Set<TaskFacts>().Add(Facts(context, task, agency, round));
        if (dueAt is { } due)
        {
            foreach (var notice in PlanNotices(context.RawProperty("notices"), context.Now, due))
            {
                context.CreateTimer(notice.Kind.ToString(), notice.DueAt, resumesBookmark: false, task.Id,
                    new JsonObject { ["sequence"] = notice.Sequence });
            }
        }
        foreach (var listener in context.Services.GetServices<ITaskListener>())
        {
            listener.Assigned(context, task, agency);
        }
        return task;
    }

    /// <summary>
    /// The round of this execution of the activity: 1 the first time, one more each time a return for rework (退办) runs
    /// it again. Kept in the instance's <c>stepRounds</c> variable, so no query is needed to number a rework.
    /// </summary>
    public static int NextRound(ActivityContext context)
    {
        var rounds = context.ReadVariable(RoundsVariable) as JsonObject ?? [];
        var round = (rounds[context.Node.Id] is JsonValue v && v.TryGetValue<int>(out var previous) ? previous : 0) + 1;
        rounds[context.Node.Id] = round;
        context.SetVariable(RoundsVariable, rounds);
        return round;
    }

    private static TaskFacts Facts(ActivityContext context, WorkTask task, Agency agency, int round)
    {
        var regions = context.Services.GetRequiredService<RegionDirectory>();
        var region = regions.Find(agency.RegionCode);
        return new TaskFacts
        {
            TaskId = task.Id,
            PolicyId = (context.ReadVariable("policyId") as JsonValue)?.GetValue<string>(),
            MeasureNo = context.ReadVariable("measureNo") is JsonValue n && n.TryGetValue<int>(out var number) ? number : null,
            MeasureTitle = (context.ReadVariable("measureTitle") as JsonValue)?.GetValue<string>(),
            Step = context.GetString("step") ?? StepNames.Task,
            AgencyKind = agency.KindCode,
            RegionCode = agency.RegionCode,
            RegionLevel = region?.Level ?? RegionLevel.Province,
            CityCode = region?.Level switch
            {
                RegionLevel.City => region.Code,
                RegionLevel.County => regions.CityOf(region.Code)?.Code,
                _ => null,
            },
            Round = round,
        };
    }

    private static DateTimeOffset? ReadTime(ActivityContext context, string variable) =>
        context.ReadVariable(variable) is JsonValue v && v.TryGetValue<string>(out var text)
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>The reminders, overdue notices and escalation of a task due at <paramref name="dueAt"/>, from now on.</summary>
    public static IReadOnlyList<PlannedNotice> PlanNotices(JsonNode? settings, DateTimeOffset now, DateTimeOffset dueAt)
    {
        var plan = NoticePlan.TryParse(settings, out var parsed, out _) && parsed is not null ? parsed : NoticePlan.Default;
        return plan.Plan(now, dueAt, dueAt + NoticeHorizon);
    }

    private static DateTimeOffset? DueAt(ActivityContext context)
    {
        var node = context.RawProperty("due");
        if (node is null)
        {
            return null;
        }
        if (!DueRule.TryParse(node, out var rule, out var error) || rule is null)
        {
            throw new InvalidOperationException($"The step's due rule is invalid: {error}");
        }
        // A policy imported or launched after it took effect is tracked from its tracking start (交办日期): relative due
        // dates count from the later of the two, so no task is born overdue.
        var effective = Later(ReadTime(context, "effectiveAt"), ReadTime(context, "trackingStartAt"));
        return rule.Resolve(context.Now, effective, context.Services.GetRequiredService<WorkingCalendar>());
    }
}
