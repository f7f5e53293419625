using System.Text.Json.Nodes;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>A task activity's <c>outcomes</c> property: the names given, or <c>Done</c> when none are.</summary>
public static class TaskOutcomes
{
    public static string[] From(JsonNode? node) =>
        node is JsonArray { Count: > 0 } a ? [.. a.Select(x => x!.GetValue<string>())] : ["Done"];
}
