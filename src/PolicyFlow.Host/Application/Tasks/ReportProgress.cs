using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>进度: a note and a percentage on an open task. The task itself refuses an empty note or a percent outside 0–100.</summary>
internal sealed class ReportProgress(TaskGate gate, WorkflowEngine engine)
{
    public const string Operation = "task.progress";
    public sealed record Request(string? Note, int? Percent);

    public async Task<TaskActionResult> HandleAsync(Caller caller, Guid taskId, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await gate.RequireActAsync(caller, taskId, Operation, cancellationToken);
        return await gate.AuditedAsync(caller, taskId, Operation,
            () => engine.ReportProgressAsync(taskId, TextBounds.Check(request.Note, "note") ?? "", request.Percent, caller.UserName, cancellationToken),
            cancellationToken);
    }
}
