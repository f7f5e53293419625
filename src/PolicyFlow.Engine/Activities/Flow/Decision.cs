using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Takes the True or the False path by a condition on a variable.</summary>
internal sealed class Decision : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Decision",
        DisplayName = "判断 Decision",
        Outcomes = ["True", "False"],
        Properties = [new PropertyDescriptor("condition", PropertyType.String, true, "variable op literal, e.g. score >= 60")],
    };

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path)
    {
        if (node.Properties["condition"] is { } c && c.GetValueKind() == System.Text.Json.JsonValueKind.String
            && !Condition.TryParse(c.GetValue<string>(), out _))
        {
            yield return new DefinitionError($"{path}.properties.condition",
                "condition must read 'variable op literal' with op one of == != > >= < <= and a JSON literal, e.g. score >= 60");
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Condition.TryParse(context.GetString("condition"), out var condition);
        var result = condition!.Evaluate(context.ReadVariable(condition.Variable));
        return ValueTask.FromResult(ActivityResult.Done(result ? "True" : "False"));
    }
}
