using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>签收: the assignee agency signs for its task; signing again changes nothing.</summary>
internal sealed class ClaimTask(TaskGate gate, WorkflowEngine engine)
{
    public const string Operation = "task.claim";

    public async Task<TaskActionResult> HandleAsync(Caller caller, Guid taskId, CancellationToken cancellationToken = default)
    {
        await gate.RequireActAsync(caller, taskId, Operation, cancellationToken);
        return await gate.AuditedAsync(caller, taskId, Operation, () => engine.ClaimTaskAsync(taskId, caller.UserName, cancellationToken), cancellationToken);
    }
}
