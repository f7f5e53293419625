using System.Xml;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>Waits for an ISO 8601 duration such as <c>P3D</c> or <c>PT30M</c>.</summary>
internal sealed class Delay : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Delay",
        Category = "Time",
        DisplayName = "延时 Delay",
        Waits = true,
        Properties = [new PropertyDescriptor("duration", PropertyType.String, true, "ISO 8601 duration, e.g. P3D")],
    };

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path)
    {
        if (node.Properties["duration"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && !TryParse(node.Properties["duration"]!.GetValue<string>(), out _))
        {
            yield return new DefinitionError($"{path}.properties.duration", "duration must be an ISO 8601 duration such as P3D or PT30M");
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!TryParse(context.GetString("duration"), out var duration))
        {
            throw new InvalidOperationException($"'{context.GetString("duration")}' is not an ISO 8601 duration.");
        }
        context.CreateTimer("Resume", context.Now + duration, resumesBookmark: true);
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Timer));
    }

    private static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        try
        {
            duration = XmlConvert.ToTimeSpan(text ?? "");
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
