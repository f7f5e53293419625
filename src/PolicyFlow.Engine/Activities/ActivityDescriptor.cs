namespace PolicyFlow.Engine.Activities;

/// <summary>What the validator and the designer know of an activity type.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }
    public string Category { get; init; } = "Flow";
    public string? DisplayName { get; init; }

    /// <summary>The outcomes it can end with; empty with <see cref="AnyOutcome"/> when the flowchart names them (Fork).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = ["Done"];

    public bool AnyOutcome { get; init; }

    /// <summary>Whether it can suspend the instance (a task, a timer, children) — what makes a loop legal.</summary>
    public bool Waits { get; init; }

    public IReadOnlyList<PropertyDescriptor> Properties { get; init; } = [];
}

/// <summary>One property of an activity type.</summary>
public sealed record PropertyDescriptor(string Name, PropertyType Type, bool Required = false, string? Description = null);
