using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>
/// What of one instance a caller may read. The whole instance is for its measure's lead agency, the policy office,
/// leadership and administrators; a co-agency or a counterpart below sees only its own line's tasks and what hangs off
/// them (their journal lines, their timers) plus the instance's own milestones without their data — never another
/// agency's progress notes, comments, extension reasons or the lead's review, nor the instance's variables.
/// </summary>
internal sealed class InstanceView
{
    public static readonly InstanceView Everything = new(true, new HashSet<string>(StringComparer.Ordinal));
    public static readonly InstanceView Nothing = new(false, new HashSet<string>(StringComparer.Ordinal));

    private InstanceView(bool whole, IReadOnlySet<string> assignees)
    {
        Whole = whole;
        Assignees = assignees;
    }

    public bool Whole { get; }

    /// <summary>When not <see cref="Whole"/>: the agencies whose tasks the caller sees.</summary>
    public IReadOnlySet<string> Assignees { get; }

    public bool Any => Whole || Assignees.Count > 0;

    public static InstanceView Of(IEnumerable<string> assignees) => new(false, assignees.ToHashSet(StringComparer.Ordinal));

    public IQueryable<WorkTask> Tasks(IQueryable<WorkTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (Whole)
        {
            return tasks;
        }
        var assignees = Assignees.ToList();
        return tasks.Where(t => assignees.Contains(t.Assignee));
    }

    /// <summary>Lines of the caller's tasks in full; lines of the instance itself without their data; nothing of others' tasks.</summary>
    public IReadOnlyList<JournalEntry> Journal(IEnumerable<JournalEntry> entries, IReadOnlySet<Guid> visibleTasks)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (Whole)
        {
            return [.. entries];
        }
        return [.. entries.Where(e => e.TaskId is null || visibleTasks.Contains(e.TaskId.Value))
            .Select(e => e.TaskId is null ? Milestone(e) : e)];
    }

    public IReadOnlyList<WorkflowTimer> Timers(IEnumerable<WorkflowTimer> timers, IReadOnlySet<Guid> visibleTasks)
    {
        ArgumentNullException.ThrowIfNull(timers);
        return Whole ? [.. timers] : [.. timers.Where(t => t.TaskId is null || visibleTasks.Contains(t.TaskId.Value))];
    }

    /// <summary>Activity states, less the activities whose every task belongs to someone else (their outcome is a review's).</summary>
    public IReadOnlyDictionary<string, ActivityState> Activities(InstanceState state, IReadOnlyList<WorkTask> allTasks, IReadOnlyList<WorkTask> visibleTasks)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Whole)
        {
            return state.Activities;
        }
        var mine = visibleTasks.Select(t => t.ActivityId).ToHashSet(StringComparer.Ordinal);
        var others = allTasks.Select(t => t.ActivityId).Where(a => !mine.Contains(a)).ToHashSet(StringComparer.Ordinal);
        return state.Activities.Where(a => !others.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    private static JournalEntry Milestone(JournalEntry entry) => new()
    {
        Id = entry.Id, InstanceId = entry.InstanceId, At = entry.At, Actor = entry.Actor, Kind = entry.Kind,
        ActivityId = entry.ActivityId, TaskId = null, DataJson = "{}",
    };
}
