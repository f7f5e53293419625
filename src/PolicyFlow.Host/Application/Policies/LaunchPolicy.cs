using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Policies;

/// <summary>
/// 交办: launches every measure of a policy; launching again returns the same instances and launches nothing new. A policy
/// launched after it took effect is tracked from <c>trackingStartOn</c> (交办日期; default: today).
/// </summary>
internal sealed class LaunchPolicy(UseCaseAudit audit, PolicyLauncher launcher)
{
    public const string Operation = "policy.launch";

    public Task<IReadOnlyList<WorkflowInstance>> HandleAsync(Caller caller, string policyId, DateOnly? trackingStartOn,
        CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.PolicyImport, Operation, $"/policies/{policyId}",
            () => launcher.LaunchAsync(policyId, caller.UserName, trackingStartOn, cancellationToken), cancellationToken);
}
