using PolicyFlow.Directories;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Steps;

/// <summary>Told, inside the burst's transaction, when an agency's task is created (the assignment notice is one).</summary>
public interface ITaskListener
{
    void Assigned(ActivityContext context, WorkTask task, Agency agency);
}
