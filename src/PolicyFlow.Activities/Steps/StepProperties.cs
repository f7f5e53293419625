using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Activities.Steps;

/// <summary>The properties every agency step shares: what to do, by when, and how people are reminded.</summary>
internal static class StepProperties
{
    public static readonly PropertyDescriptor[] Common =
    [
        new("title", PropertyType.String, true),
        new("instructions", PropertyType.String),
        new("step", PropertyType.String, Description: "plan | co | city | county | review | report — how reports group the task"),
        new("due", PropertyType.Object, Description: "{\"days\":10,\"unit\":\"working\",\"from\":\"created\"} or {\"at\":\"2025-10-14\"}"),
        new("notices", PropertyType.Object, Description: "{\"reminderDaysBefore\":[3,1],\"overdueEveryDays\":3,\"escalateAfterDays\":7}"),
    ];

    public static IEnumerable<DefinitionError> Validate(ActivityNode node, string path)
    {
        if (node.Properties["due"] is { } due && !IsVariable(due) && !DueRule.TryParse(due, out _, out var dueError))
        {
            yield return new DefinitionError($"{path}.properties.due", dueError);
        }
        if (node.Properties["notices"] is { } notices && !IsVariable(notices) && !NoticePlan.TryParse(notices, out _, out var noticeError))
        {
            yield return new DefinitionError($"{path}.properties.notices", noticeError);
        }
    }

    private static bool IsVariable(System.Text.Json.Nodes.JsonNode node) => node is System.Text.Json.Nodes.JsonObject { Count: 1 } o && o.ContainsKey("var");
}
