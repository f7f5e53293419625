using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// The object-level rule every task action shares: the caller holds <see cref="Capabilities.TaskAct"/> and
/// <see cref="Visibility"/> lets it act on this task (its agency is the assignee, or it is an administrator). A refusal
/// is audited; a task the caller may not even see is "not found", so ids cannot be probed.
/// </summary>
internal sealed class TaskGate(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, UseCaseAudit audit)
{
    public async Task RequireActAsync(Caller caller, Guid taskId, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var access = TaskAccess.None;
        if (Capabilities.Has(caller, Capabilities.TaskAct))
        {
            await using var db = dbFactory.Create();
            access = await new Visibility(db, catalog, regions).TaskAccessAsync(caller, taskId, cancellationToken);
        }
        else if (caller.ReadsEverything)
        {
            access = TaskAccess.Read;
        }
        if (access == TaskAccess.Act)
        {
            return;
        }
        await audit.WriteAsync(caller, operation, Subject(taskId), access == TaskAccess.None ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden,
            cancellationToken, refused: true);
        throw access == TaskAccess.None
            ? EngineException.NotFound($"Task {taskId} does not exist.")
            : new AccessDeniedException("只有承办单位可以办理此任务。 Only the assignee agency acts on this task.");
    }

    /// <summary>Runs the engine call and audits its outcome: done, unchanged (a repeat), or refused with the engine's reason.</summary>
    public Task<T> AuditedAsync<T>(Caller caller, Guid taskId, string operation, Func<Task<T>> action, CancellationToken cancellationToken) =>
        audit.AuditedAsync(caller, operation, Subject(taskId), action, cancellationToken);

    public static string Subject(Guid taskId) => $"/tasks/{taskId}";
}
