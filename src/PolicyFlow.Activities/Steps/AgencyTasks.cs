using System.Text.Json.Nodes;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Directories;
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

    public static WorkTask Create(ActivityContext context, string agencyId, IReadOnlyList<string> outcomes, DateTimeOffset? dueAt = null, string? title = null)
    {
        var catalog = context.Services.GetRequiredService<AgencyCatalog>();
        var agency = catalog.Find(agencyId)
            ?? throw new InvalidOperationException($"Agency '{agencyId}' is not in the directory; map it in the agency directory first.");
        dueAt ??= DueAt(context);
        var data = new JsonObject
        {
            ["step"] = context.GetString("step") ?? "task",
            ["agencyName"] = agency.Name,
            ["kind"] = agency.KindCode,
            ["regionCode"] = agency.RegionCode,
            ["regionLevel"] = context.Services.GetRequiredService<RegionDirectory>().Find(agency.RegionCode)?.Level.ToString(),
            ["policyId"] = context.ReadVariable("policyId")?.DeepClone(),
            ["measureNo"] = context.ReadVariable("measureNo")?.DeepClone(),
            ["measureTitle"] = context.ReadVariable("measureTitle")?.DeepClone(),
            // Kept so that an approved extension can plan the notices again with the same settings.
            ["notices"] = context.RawProperty("notices")?.DeepClone(),
        };
        var task = context.CreateTask(title ?? context.GetString("title")!, agency.Id, outcomes, dueAt, context.GetString("instructions"), data);
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
        var effective = context.ReadVariable("effectiveAt") is JsonValue v && v.TryGetValue<string>(out var text)
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : (DateTimeOffset?)null;
        return rule.Resolve(context.Now, effective, context.Services.GetRequiredService<WorkingCalendar>());
    }
}
