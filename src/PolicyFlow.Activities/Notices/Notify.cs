using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Activities.Notices;

/// <summary>Sends a notice (e.g. PolicyInForce) to agencies, through the outbox, in the burst's transaction.</summary>
internal sealed class Notify : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Notify",
        Category = "Notices",
        DisplayName = "发送通知 Notify",
        Properties =
        [
            new PropertyDescriptor("kind", PropertyType.String, true, "PolicyInForce, TaskAssigned, …"),
            new PropertyDescriptor("to", PropertyType.Any, true, "an agency id, an array of them, or {\"var\":\"leadAgency\"}"),
        ],
    };

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path)
    {
        if (node.Properties["kind"] is JsonValue v && v.TryGetValue<string>(out var kind) && !Enum.TryParse<NotificationKind>(kind, out _))
        {
            yield return new DefinitionError($"{path}.properties.kind", $"unknown notice kind '{kind}'; use one of {string.Join(", ", Enum.GetNames<NotificationKind>())}");
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var kind = Enum.Parse<NotificationKind>(context.GetString("kind")!);
        var agencies = context.RawProperty("to") switch
        {
            JsonArray a => a.Select(x => x!.GetValue<string>()).ToArray(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        var to = context.Services.GetRequiredService<Recipients>().Of(context.Db, agencies);
        var model = new NotificationModel
        {
            InstanceId = context.Instance.Id,
            MeasureTitle = context.ReadVariable("measureTitle")?.GetValue<string>(),
            PolicyTitle = context.ReadVariable("documentNumber")?.GetValue<string>(),
            EffectiveAt = context.ReadVariable("effectiveAt") is JsonValue e && DateTimeOffset.TryParse(e.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null,
        };
        var executions = context.State.For(context.Node.Id).Executions;
        context.Services.GetRequiredService<NotificationWriter>()
            .Enqueue(context, kind, to, model, $"{kind}:{context.Instance.Id}:{context.Node.Id}:{executions}");
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
