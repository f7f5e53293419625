using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>A task as the inbox lists it, with its warning light computed at read time.</summary>
internal sealed record TaskRow(Guid Id, Guid InstanceId, string Title, string Assignee, WorkTaskStatus Status,
    DateTimeOffset? DueAt, WarningLight Light);

/// <summary>The inbox filters; null means any.</summary>
internal sealed record InboxFilter(string? Assignee = null, WorkTaskStatus? Status = null, WarningLight? Light = null);

/// <summary>The dashboard's numbers.</summary>
internal sealed record DashboardCounts(int MyOpen, int Overdue, int DueSoon, int Green, int RunningInstances, int FaultedInstances);
