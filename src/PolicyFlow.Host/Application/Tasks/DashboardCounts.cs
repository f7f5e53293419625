using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>The dashboard's numbers.</summary>
internal sealed record DashboardCounts(int MyOpen, int Overdue, int DueSoon, int Green, int RunningInstances, int FaultedInstances);
