using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Instances;

/// <summary>重试: runs a faulted instance's failed paths again once the cause is fixed.</summary>
internal sealed class RetryInstance(UseCaseAudit audit, WorkflowEngine engine)
{
    public const string Operation = Capabilities.InstanceRetry;

    public Task HandleAsync(Caller caller, Guid instanceId, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.InstanceRetry, Operation, CancelInstance.Subject(instanceId), async () =>
        {
            await engine.RetryAsync(instanceId, caller.UserName, cancellationToken);
            return true;
        }, cancellationToken);
}
