using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 批量签收: signs for several tasks at once, each through <see cref="ClaimTask"/> — checked and audited one by one, so a
/// task the caller may not act on is refused (and audited) without stopping the others.
/// </summary>
internal sealed class ClaimTasks(ClaimTask claim)
{
    public const int MaxTasks = 200;

    public sealed record Request(IReadOnlyList<Guid>? TaskIds);

    public async Task<IReadOnlyList<ClaimOutcome>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.TaskIds?.Distinct().ToList() ?? [];
        if (ids.Count is 0 or > MaxTasks)
        {
            throw EngineException.Invalid($"请选择 1 到 {MaxTasks} 项任务。 Give 1 to {MaxTasks} taskIds.");
        }
        var outcomes = new List<ClaimOutcome>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                var result = await claim.HandleAsync(caller, id, cancellationToken);
                outcomes.Add(new ClaimOutcome(id, result.WasChanged ? ClaimOutcome.Signed : ClaimOutcome.Unchanged, null));
            }
            catch (AccessDeniedException ex)
            {
                outcomes.Add(new ClaimOutcome(id, ClaimOutcome.Refused, ex.Message));
            }
            catch (EngineException ex)
            {
                outcomes.Add(new ClaimOutcome(id, ex.Error == EngineError.NotFound ? ClaimOutcome.NotFound : ClaimOutcome.Refused, ex.Message));
            }
        }
        return outcomes;
    }
}

/// <summary>What became of one task of a batch sign: signed, already signed (unchanged), refused with the reason, or not found.</summary>
public sealed record ClaimOutcome(Guid TaskId, string Result, string? Reason)
{
    public const string Signed = "Signed";
    public const string Unchanged = "Unchanged";
    public const string Refused = "Refused";
    public const string NotFound = "NotFound";
}
