namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Sets a variable to a value (a literal, or another variable with <c>{"var":"x"}</c>).</summary>
internal sealed class SetVariable : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SetVariable",
        DisplayName = "赋值 Set variable",
        Properties = [new PropertyDescriptor("variable", PropertyType.String, true), new PropertyDescriptor("value", PropertyType.Any, true)],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.GetString("variable")!, context.RawProperty("value"));
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
