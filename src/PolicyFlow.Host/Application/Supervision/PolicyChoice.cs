using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>The policy a report is about: the one asked for, or the most recently imported one.</summary>
internal static class PolicyChoice
{
    public static async Task<PolicyRecord> FindAsync(PolicyFlowDbContext db, string? policyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var policies = db.Policies.AsNoTracking();
        var policy = policyId is null
            ? await policies.OrderByDescending(p => p.ImportedAt).FirstOrDefaultAsync(cancellationToken)
            : await policies.FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        return policy ?? throw EngineException.NotFound(policyId is null
            ? "还没有导入任何政策文件。 No policy has been imported yet."
            : $"政策 {policyId} 不存在。 Policy '{policyId}' does not exist.");
    }
}
