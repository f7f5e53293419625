using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 待办任务: the tasks a caller may see, filtered, sorted and paged in the database — the same query for
/// <c>GET /api/tasks</c> and the Studio's inbox. The assignee filter is exact; <c>q</c> searches task titles.
/// </summary>
internal sealed class InboxQuery(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock, WarningLightRule rule)
{
    public const int MaxPageSize = 500;

    public async Task<InboxPage> HandleAsync(ClaimsPrincipal user, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(filter);
        Validate(filter);
        await using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var query = Filter(db, await new Visibility(db, catalog, regions).TasksAsync(db.Tasks.AsNoTracking(), user, cancellationToken), filter, now);
        var total = await query.CountAsync(cancellationToken);
        var page = await Sort(query, filter.Sort).Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var ids = page.Select(t => t.Id).ToList();
        var facts = await db.TaskFacts.AsNoTracking().Where(f => ids.Contains(f.TaskId)).ToDictionaryAsync(f => f.TaskId, cancellationToken);
        return new InboxPage(total, [.. page.Select(t => new InboxItem(t, facts.GetValueOrDefault(t.Id),
            t.IsOpen ? rule.Of(t.DueAt, now) : null, catalog.Find(t.Assignee)?.Name ?? t.Assignee))]);
    }

    /// <summary>The navigation's badge: open tasks assigned to the caller's own agency (exactly, as the API's assignee filter).</summary>
    public async Task<int> OpenForAgencyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.AgencyId.Length == 0)
        {
            return 0;
        }
        await using var db = dbFactory.Create();
        return await db.Tasks.CountAsync(t => t.Assignee == caller.AgencyId && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed),
            cancellationToken);
    }

    private static void Validate(InboxFilter filter)
    {
        if (filter.DueWithinDays is < 0 or > 3650)
        {
            throw EngineException.Invalid("“几天内到期”应在 0 到 3650 之间。 dueWithinDays must be between 0 and 3650.");
        }
        if (filter.Step is { } step && !StepNames.All.Contains(step, StringComparer.Ordinal) && step != StepNames.Task)
        {
            throw EngineException.Invalid($"环节“{step}”不存在。 step must be one of {string.Join(", ", StepNames.All)}, not '{step}'.");
        }
        TextBounds.Check(filter.Query, "q");
    }

    private IQueryable<WorkTask> Filter(Activities.Persistence.PolicyFlowDbContext db, IQueryable<WorkTask> query, InboxFilter f, DateTimeOffset now)
    {
        query = f.Assignee is { Length: > 0 } assignee ? query.Where(t => t.Assignee == assignee) : query;
        query = f.InstanceId is { } instance ? query.Where(t => t.InstanceId == instance) : query;
        query = f.CorrelationId is { } correlation ? query.Where(t => t.CorrelationId == correlation) : query;
        query = f.Query is { Length: > 0 } q ? query.Where(t => t.Title.Contains(q)) : query;
        query = f.Status is { } s ? query.Where(t => t.Status == s)
            : f.All ? query
            : query.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed);
        var lights = Lights.At(now, rule);
        query = f.Light switch
        {
            null => query,
            // A light is a property of an open task: a finished one has none, whatever the status filter.
            WarningLight.Red => query.Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed) && t.DueAt != null && t.DueAt <= lights.Now),
            WarningLight.Yellow => query.Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed) && t.DueAt > lights.Now && t.DueAt <= lights.YellowUntil),
            _ => query.Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed) && (t.DueAt == null || t.DueAt > lights.YellowUntil)),
        };
        if (f.DueWithinDays is { } days)
        {
            // Due on or before the day N days from today (Asia/Shanghai), overdue ones included.
            var until = DueDay.ToDueAt(Activities.Calendar.ChinaTime.DateOf(now).AddDays(days));
            query = query.Where(t => t.DueAt != null && t.DueAt <= until);
        }
        if (f.PolicyId is not null || f.MeasureNo is not null || f.Step is not null)
        {
            var facts = db.TaskFacts.AsQueryable();
            facts = f.PolicyId is { } policy ? facts.Where(x => x.PolicyId == policy) : facts;
            facts = f.MeasureNo is { } measure ? facts.Where(x => x.MeasureNo == measure) : facts;
            facts = f.Step is { } step ? facts.Where(x => x.Step == step) : facts;
            query = query.Where(t => facts.Any(x => x.TaskId == t.Id));
        }
        return query;
    }

    private static IOrderedQueryable<WorkTask> Sort(IQueryable<WorkTask> query, InboxSort sort) => sort switch
    {
        InboxSort.DueLast => query.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.Id),
        InboxSort.Newest => query.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        InboxSort.Oldest => query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        InboxSort.Title => query.OrderBy(t => t.Title).ThenBy(t => t.Id),
        _ => query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };
}

/// <summary>How the inbox is ordered; soonest due first unless asked otherwise.</summary>
public enum InboxSort
{
    DueFirst,
    DueLast,
    Newest,
    Oldest,
    Title,
}

/// <summary>
/// The inbox's filters (null means any): exact assignee, status (open ones by default; <c>All</c> for every status), light,
/// due within N days, policy, measure, step, title keyword; the order and the page.
/// </summary>
public sealed record InboxFilter(
    string? Assignee = null,
    WorkTaskStatus? Status = null,
    WarningLight? Light = null,
    int? DueWithinDays = null,
    string? PolicyId = null,
    int? MeasureNo = null,
    string? Step = null,
    string? Query = null,
    bool All = false,
    Guid? InstanceId = null,
    string? CorrelationId = null,
    InboxSort Sort = InboxSort.DueFirst,
    int Skip = 0,
    int Take = 50);

/// <summary>One page of the inbox and how many tasks match in all.</summary>
internal sealed record InboxPage(int Total, IReadOnlyList<InboxItem> Items);

/// <summary>A task of the inbox with its facts, its light now (none once finished) and its assignee's name.</summary>
internal sealed record InboxItem(WorkTask Task, TaskFacts? Facts, WarningLight? Light, string AssigneeName);
