using System.Text.Json.Nodes;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 提交 / 审核: completes a task with one of its outcomes. Whether the outcome needs a comment (a return for rework, 退办)
/// is the task's own rule, so <c>complete</c> with <c>Return</c> and <c>return</c> refuse a missing reason alike.
/// </summary>
internal sealed class CompleteTask(TaskGate gate, WorkflowEngine engine)
{
    public const string Operation = "task.complete";
    public const string ReturnOperation = "task.return";

    public sealed record Request(string? Outcome, string? Comment, JsonObject? Data = null);

    public async Task<TaskActionResult> HandleAsync(Caller caller, Guid taskId, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = request.Outcome ?? TaskOutcomes.Done;
        var operation = outcome == TaskOutcomes.Return ? ReturnOperation : Operation;
        await gate.RequireActAsync(caller, taskId, operation, cancellationToken);
        return await gate.AuditedAsync(caller, taskId, operation,
            () => engine.CompleteTaskAsync(taskId, outcome, caller.UserName, request.Data, TextBounds.Check(request.Comment, "comment"), cancellationToken),
            cancellationToken);
    }

    /// <summary>退办: returns a submission for rework with the reason.</summary>
    public Task<TaskActionResult> ReturnAsync(Caller caller, Guid taskId, string? comment, CancellationToken cancellationToken = default) =>
        HandleAsync(caller, taskId, new Request(TaskOutcomes.Return, comment), cancellationToken);
}
