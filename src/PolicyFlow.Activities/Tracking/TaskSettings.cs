using System.Text.Json.Nodes;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Tracking;

/// <summary>
/// The step settings an agency task keeps in its <see cref="WorkTask.DataJson"/>: the notice plan, so that an approved
/// extension plans the reminders again with the settings the task was created with. The one reader and writer of that bag.
/// </summary>
public static class TaskSettings
{
    private const string Notices = "notices";

    public static JsonObject Of(JsonNode? notices) => new() { [Notices] = notices?.DeepClone() };

    public static JsonNode? NoticesOf(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (JsonNode.Parse(task.DataJson) as JsonObject)?[Notices];
    }
}
