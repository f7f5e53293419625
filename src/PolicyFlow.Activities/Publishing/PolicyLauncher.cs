using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Publishing;

/// <summary>Launches one instance per measure of a policy. Instance ids derive from the measure, so launching again launches nothing new.</summary>
public sealed class PolicyLauncher(IEngineDbFactory dbFactory, WorkflowEngine engine, TimeProvider clock)
{
    public Task<IReadOnlyList<WorkflowInstance>> LaunchAsync(string policyId, string actor, CancellationToken cancellationToken = default) =>
        LaunchAsync(policyId, actor, null, cancellationToken);

    /// <summary>Launches with the tracking start (交办日期) the office gives; without one, the policy's own, else — launched after
    /// it took effect — today. A tracking start set here is kept on the policy.</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> LaunchAsync(
        string policyId, string actor, DateOnly? trackingStartOn, CancellationToken cancellationToken = default)
    {
        List<MeasureRecord> measures;
        PolicyRecord? policy;
        await using (var db = dbFactory.Create())
        {
            measures = await db.Set<MeasureRecord>().AsNoTracking().Where(m => m.PolicyId == policyId).OrderBy(m => m.Number).ToListAsync(cancellationToken);
            policy = await db.Set<PolicyRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        }
        if (measures.Count == 0)
        {
            throw EngineException.NotFound($"Policy '{policyId}' does not exist or has no measures.");
        }
        // Launched after it took effect: its work is tracked from the tracking start (交办日期), not from a day already past.
        var now = clock.GetUtcNow();
        var (given, problem) = TrackingStart.Check(trackingStartOn, policy?.EffectiveOn, now);
        if (problem is not null)
        {
            throw EngineException.Invalid(problem);
        }
        var start = given ?? policy?.TrackingStartOn
            ?? (policy is not null && now > policy.EffectiveAt ? TrackingStart.Default(now) : null);
        if (policy is not null && start is { } day && policy.TrackingStartOn != day)
        {
            await KeepAsync(policy, measures, day, cancellationToken);
        }
        var input = start is { } startDay ? new JsonObject { ["trackingStartAt"] = TrackingStart.Variable(startDay) } : null;
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

    // The policy page shows the day its work is tracked from. Once a measure runs with one, another would not reach it.
    private async Task KeepAsync(PolicyRecord policy, List<MeasureRecord> measures, DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var ids = measures.Select(InstanceIdOf).ToList();
        if (policy.TrackingStartOn is { } kept && await db.Instances.AnyAsync(i => ids.Contains(i.Id), cancellationToken))
        {
            throw EngineException.Conflict(FormattableString.Invariant(
                $"政策已按交办日期 {kept:yyyy-MM-dd} 启动，不能改为 {day:yyyy-MM-dd}。 The policy was launched with the tracking start {kept:yyyy-MM-dd}; it cannot become {day:yyyy-MM-dd}."));
        }
        await db.Set<PolicyRecord>().Where(p => p.Id == policy.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.TrackingStartOn, day), cancellationToken);
    }

    public static Guid InstanceIdOf(MeasureRecord measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{measure.PolicyId}/{measure.Number}"))[..16]);
    }
}
