using System.Text.Json.Nodes;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>A task as the inbox and the task page show it.</summary>
internal sealed record TaskView(Guid Id, Guid InstanceId, string ActivityId, string Title, string? Instructions, string Assignee,
    string Status, IReadOnlyList<string> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? ClaimedAt,
    string? ClaimedBy, DateTimeOffset? CompletedAt, string? CompletedBy, string? Outcome, string? Comment, string? CorrelationId, JsonNode? Data,
    string? Light, TaskFacts? Facts, string? ProgressNote, int? ProgressPercent, DateTimeOffset? ProgressAt, IReadOnlyList<string> CommentRequiredFor)
{
    /// <summary>The view with its warning light (红黄绿灯) at <paramref name="now"/>; finished tasks have none.</summary>
    public static TaskView From(WorkTask t, TaskFacts? facts, WarningLight? light) => new(t.Id, t.InstanceId, t.ActivityId, t.Title, t.Instructions, t.Assignee, t.Status.ToString(),
        t.OutcomeList, t.CreatedAt, t.DueAt, t.ClaimedAt, t.ClaimedBy, t.CompletedAt, t.CompletedBy, t.Outcome, t.Comment, t.CorrelationId,
        JsonNode.Parse(t.DataJson), light?.ToString(), facts, t.ProgressNote, t.ProgressPercent,
        t.ProgressAt, t.OutcomeList.Where(t.NeedsComment).ToList());
}
