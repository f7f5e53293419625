using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Instances;

/// <summary>撤销: cancels an instance and its children; cancelling a finished instance changes nothing (false).</summary>
internal sealed class CancelInstance(UseCaseAudit audit, WorkflowEngine engine)
{
    public const string Operation = Capabilities.InstanceCancel;

    public Task<bool> HandleAsync(Caller caller, Guid instanceId, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.InstanceCancel, Operation, Subject(instanceId),
            () => engine.CancelAsync(instanceId, caller.UserName, cancellationToken), cancellationToken);

    public static string Subject(Guid instanceId) => $"/workflow-instances/{instanceId}";
}
