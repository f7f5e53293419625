using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PolicyFlow.Engine.Definitions;

/// <summary>A flowchart: activities joined by connections from an activity's outcome to the next activity.</summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("variables")] public IReadOnlyList<VariableDeclaration> Variables { get; init; } = [];
    [JsonPropertyName("activities")] public IReadOnlyList<ActivityNode> Activities { get; init; } = [];
    [JsonPropertyName("connections")] public IReadOnlyList<Connection> Connections { get; init; } = [];

    public ActivityNode? Find(string activityId) => Activities.FirstOrDefault(a => a.Id == activityId);

    public IEnumerable<Connection> From(string activityId, string outcome) =>
        Connections.Where(c => c.From == activityId && c.Outcome == outcome);
}

/// <summary>One activity of a flowchart: its id, type, properties and place in the designer.</summary>
public sealed record ActivityNode
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("properties")] public JsonObject Properties { get; init; } = [];
    [JsonPropertyName("position")] public DesignerPosition? Position { get; init; }
}

/// <summary>Where the designer draws an activity.</summary>
public sealed record DesignerPosition([property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y);

/// <summary>An edge: when <see cref="From"/> ends with <see cref="Outcome"/>, <see cref="To"/> runs next.</summary>
public sealed record Connection(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("to")] string To);

/// <summary>A named workflow variable with its type and optional default value.</summary>
public sealed record VariableDeclaration
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("type")] public string Type { get; init; } = "string";
    [JsonPropertyName("default")] public JsonNode? Default { get; init; }
}
