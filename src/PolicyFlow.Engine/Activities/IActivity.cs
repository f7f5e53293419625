using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Engine.Activities;

/// <summary>An activity type: executes when a path reaches it and, if it waits, resumes on a stimulus.</summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    /// <summary>The outcomes this node can end with; null when any name is allowed.</summary>
    IReadOnlyList<string>? OutcomesOf(ActivityNode node) => Descriptor.AnyOutcome ? null : Descriptor.Outcomes;

    /// <summary>Checks beyond property types (e.g. an expression that must parse).</summary>
    IEnumerable<DefinitionError> Validate(ActivityNode node, string path) => [];

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus) =>
        ValueTask.FromResult(ActivityResult.Done(stimulus.Outcome));
}

/// <summary>What resumes a bookmark: an outcome, data, and who caused it.</summary>
public sealed record Stimulus(string Outcome, JsonObject? Data = null, string Actor = "system");
