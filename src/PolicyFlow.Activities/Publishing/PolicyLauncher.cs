using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Publishing;

/// <summary>Launches one instance per measure of a policy. Instance ids derive from the measure, so launching again launches nothing new.</summary>
public sealed class PolicyLauncher(IEngineDbFactory dbFactory, WorkflowEngine engine)
{
    public async Task<IReadOnlyList<WorkflowInstance>> LaunchAsync(string policyId, string actor, CancellationToken cancellationToken = default)
    {
        List<MeasureRecord> measures;
        await using (var db = (PolicyFlowDbContext)dbFactory.Create())
        {
            measures = await db.Measures.AsNoTracking().Where(m => m.PolicyId == policyId).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        }
        if (measures.Count == 0)
        {
            throw EngineException.NotFound($"Policy '{policyId}' does not exist or has no measures.");
        }
        var instances = new List<WorkflowInstance>();
        foreach (var measure in measures)
        {
            var request = new LaunchRequest(measure.DefinitionId, CorrelationId: $"{policyId}/m{measure.Number:00}")
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
