using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>
/// What an agency's staff may see: tasks assigned to their agency or to an agency of the same kind below it (a city sees its
/// counties'; a provincial department the whole line), and every task of the measures their agency leads (the root
/// instance's <c>leadAgency</c>). Administrators, leadership and the policy office see everything.
/// </summary>
internal sealed class Visibility(PolicyFlowDbContext db, AgencyCatalog catalog, RegionDirectory regions)
{
    /// <summary>Deeper than any cascade (province → city → county); stops a corrupt parent loop.</summary>
    private const int MaxDepth = 8;

    public async Task<IQueryable<WorkTask>> TasksAsync(IQueryable<WorkTask> query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(user, cancellationToken);
        if (scope is null)
        {
            return query;
        }
        var (assignees, led) = scope;
        return query.Where(t => assignees.Contains(t.Assignee) || led.Contains(t.InstanceId));
    }

    public async Task<IQueryable<WorkflowInstance>> InstancesAsync(IQueryable<WorkflowInstance> query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(user, cancellationToken);
        if (scope is null)
        {
            return query;
        }
        var (assignees, led) = scope;
        var tasks = db.Tasks;
        return query.Where(i => led.Contains(i.Id) || tasks.Any(t => t.InstanceId == i.Id && assignees.Contains(t.Assignee)));
    }

    /// <summary>What a caller's lists are limited to: null when they read everything; nothing for roles that see no tasks.</summary>
    private async Task<ListScope?> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.ReadsEverything)
        {
            return null;
        }
        return caller.Is(Roles.AgencyStaff)
            ? new ListScope(VisibleAssignees(caller.AgencyId), await LedInstancesAsync(caller.AgencyId, cancellationToken))
            : new ListScope([], []);
    }

    /// <summary>The agencies whose tasks a caller sees, and the instances of the measures its agency leads.</summary>
    private sealed record ListScope(IReadOnlyList<string> Assignees, List<Guid> Led);

    public async Task<TaskAccess> TaskAccessAsync(Caller caller, Guid taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Is(Roles.Administrator))
        {
            return TaskAccess.Act;
        }
        if (caller.ReadsEverything)
        {
            return TaskAccess.Read;
        }
        if (!caller.Is(Roles.AgencyStaff))
        {
            return TaskAccess.None;
        }
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.Assignee, t.InstanceId }).FirstOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return TaskAccess.None;
        }
        if (string.Equals(task.Assignee, caller.AgencyId, StringComparison.Ordinal))
        {
            return TaskAccess.Act;
        }
        return VisibleAssignees(caller.AgencyId).Contains(task.Assignee) || await LeadsAsync(caller.AgencyId, task.InstanceId, cancellationToken)
            ? TaskAccess.Read
            : TaskAccess.None;
    }

    /// <summary>Whether the caller's agency leads the measure <paramref name="taskId"/> belongs to (administrators always do).</summary>
    public async Task<bool> LeadsTaskAsync(Caller caller, Guid taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Is(Roles.Administrator))
        {
            return true;
        }
        if (!caller.Is(Roles.AgencyStaff))
        {
            return false;
        }
        var instanceId = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).FirstOrDefaultAsync(cancellationToken);
        return instanceId is { } id && await LeadsAsync(caller.AgencyId, id, cancellationToken);
    }

    public async Task<bool> CanReadInstanceAsync(Caller caller, Guid instanceId, CancellationToken cancellationToken) =>
        (await InstanceViewAsync(caller, instanceId, cancellationToken)).Any;

    /// <summary>
    /// What of <paramref name="instanceId"/> the caller reads: the whole instance if they read everything or lead its measure,
    /// else their line's tasks if it has any, else nothing.
    /// </summary>
    public async Task<InstanceView> InstanceViewAsync(Caller caller, Guid instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ReadsEverything)
        {
            return InstanceView.Everything;
        }
        if (!caller.Is(Roles.AgencyStaff))
        {
            return InstanceView.Nothing;
        }
        if (await LeadsAsync(caller.AgencyId, instanceId, cancellationToken))
        {
            return InstanceView.Everything;
        }
        var assignees = VisibleAssignees(caller.AgencyId);
        return await db.Tasks.AnyAsync(t => t.InstanceId == instanceId && assignees.Contains(t.Assignee), cancellationToken)
            ? InstanceView.Of(assignees)
            : InstanceView.Nothing;
    }

    /// <summary>The agency itself and the agencies of the same kind in the regions below it.</summary>
    public IReadOnlyList<string> VisibleAssignees(string agencyId)
    {
        var agency = catalog.Find(agencyId);
        if (agency is null)
        {
            return [agencyId];
        }
        return [.. catalog.All.Where(a => a.KindCode == agency.KindCode && IsWithin(a.RegionCode, agency.RegionCode)).Select(a => a.Id)];
    }

    private bool IsWithin(string regionCode, string ancestorCode)
    {
        var code = regionCode;
        for (var depth = 0; code is not null && depth < MaxDepth; depth++)
        {
            if (code == ancestorCode)
            {
                return true;
            }
            code = regions.Find(code)?.ParentCode;
        }
        return false;
    }

    /// <summary>Whether the root of <paramref name="instanceId"/>'s tree names <paramref name="agencyId"/> as its lead agency.</summary>
    private async Task<bool> LeadsAsync(string agencyId, Guid instanceId, CancellationToken cancellationToken) =>
        await LeadAgencyAsync(instanceId, cancellationToken) == agencyId;

    /// <summary>The lead agency named by the root of <paramref name="instanceId"/>'s tree (a cascade's child has its measure's lead).</summary>
    public async Task<string?> LeadAgencyAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        Guid? id = instanceId;
        for (var depth = 0; id is not null && depth < MaxDepth; depth++)
        {
            var row = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ParentInstanceId, i.VariablesJson })
                .FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }
            if (row.ParentInstanceId is null)
            {
                return LeadAgencyOf(row.VariablesJson);
            }
            id = row.ParentInstanceId;
        }
        return null;
    }

    /// <summary>Every instance in the trees whose root names <paramref name="agencyId"/> as lead agency.</summary>
    private async Task<List<Guid>> LedInstancesAsync(string agencyId, CancellationToken cancellationToken)
    {
        var candidates = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == null && i.VariablesJson.Contains(agencyId))
            .Select(i => new { i.Id, i.VariablesJson }).ToListAsync(cancellationToken);
        var all = candidates.Where(c => LeadAgencyOf(c.VariablesJson) == agencyId).Select(c => c.Id).ToList();
        var frontier = all;
        for (var depth = 0; frontier.Count > 0 && depth < MaxDepth; depth++)
        {
            var parents = frontier;
            frontier = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId != null && parents.Contains(i.ParentInstanceId.Value))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            all.AddRange(frontier);
        }
        return all;
    }

    private static string? LeadAgencyOf(string variablesJson) =>
        JsonNode.Parse(variablesJson)?["leadAgency"] is JsonValue v && v.TryGetValue<string>(out var lead) ? lead : null;
}
