using System.Text.Json.Nodes;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>A task activity's <c>outcomes</c> property: the names given, or <c>Done</c> when none are.</summary>
public static class TaskOutcomes
{
    public const string Done = "Done";
    public const string Accept = "Accept";
    public const string Return = "Return";

    public static string[] From(JsonNode? node) =>
        node is JsonArray { Count: > 0 } a ? [.. a.Select(x => x!.GetValue<string>())] : [Done];

    /// <summary>
    /// The outcomes that need a comment: those the activity's <c>commentRequired</c> property names, or by default a
    /// return for rework (退办) — the assignee cannot fix what nobody told them.
    /// </summary>
    public static string[] NeedingComment(JsonNode? commentRequired, IReadOnlyList<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var named = commentRequired is JsonArray a ? a.Select(x => x!.GetValue<string>()) : [Return];
        return [.. named.Where(outcomes.Contains)];
    }
}
