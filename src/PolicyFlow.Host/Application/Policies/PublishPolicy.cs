using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Policies;

/// <summary>
/// 发布: publishes a confirmed document with the policy office's corrections — one workflow definition per measure, then
/// the policy and the record of its corrections. Problems (no effective date, unmapped agencies, a correction that cannot
/// apply…) are refused at once and nothing is stored.
/// </summary>
internal sealed class PublishPolicy(UseCaseAudit audit, PolicyPublisher publisher)
{
    public const string Operation = "policy.publish";

    public Task<PolicyRecord> HandleAsync(Caller caller, ImportRequest request, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.PolicyImport, Operation, "/policies",
            () => publisher.PublishAsync(request, caller.UserName, cancellationToken), cancellationToken);
}
