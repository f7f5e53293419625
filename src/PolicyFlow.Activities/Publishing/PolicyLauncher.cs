using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Publishing;

/// <summary>Launches one instance per measure of a policy. Instance ids derive from the measure, so launching again launches nothing new.</summary>
public sealed class PolicyLauncher(IEngineDbFactory dbFactory, WorkflowEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkflowInstance>> LaunchAsync(string policyId, string actor, CancellationToken cancellationToken = default)
    {
        List<MeasureRecord> measures;
        PolicyRecord? policy;
        await using (var db = (PolicyFlowDbContext)dbFactory.Create())
        {
            measures = await db.Measures.AsNoTracking().Where(m => m.PolicyId == policyId).OrderBy(m => m.Number).ToListAsync(cancellationToken);
            policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        }
        if (measures.Count == 0)
        {
            throw EngineException.NotFound($"Policy '{policyId}' does not exist or has no measures.");
        }
        // Launched after it took effect: its work is tracked from today (交办日期), not from a day already past.
        var now = clock.GetUtcNow();
        var input = policy is not null && now > policy.EffectiveAt
            ? new JsonObject { ["trackingStartAt"] = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) }
            : null;
        var instances = new List<WorkflowInstance>();
        foreach (var measure in measures)
        {
            var request = new LaunchRequest(measure.DefinitionId, input?.DeepClone().AsObject(), $"{policyId}/m{measure.Number:00}")
            {
                InstanceId = InstanceIdOf(measure),
            };
            instances.Add(await engine.LaunchAsync(request, actor, cancellationToken));
        }
        return instances;
    }

    public static Guid InstanceIdOf(MeasureRecord measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{measure.PolicyId}/{measure.Number}"))[..16]);
    }
}
