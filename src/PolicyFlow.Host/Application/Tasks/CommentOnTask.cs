using PolicyFlow.Directories;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 意见交流: a remark on a task by anyone who may read it — the assignee, the lead agency, a city over its counties, the
/// supervisors. An empty remark is refused; a closed task still takes remarks (a question about a submission).
/// </summary>
internal sealed class CommentOnTask(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, UseCaseAudit audit, TimeProvider clock)
{
    public const string Operation = "task.comment";

    public sealed record Request(string? Text);

    public async Task<TaskComment> HandleAsync(Caller caller, Guid taskId, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = dbFactory.Create();
        if (await new Visibility(db, catalog, regions).TaskAccessAsync(caller, taskId, cancellationToken) == TaskAccess.None)
        {
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(taskId), StatusCodes.Status404NotFound, cancellationToken, refused: true);
            throw EngineException.NotFound($"Task {taskId} does not exist.");
        }
        var text = TextBounds.Check(request.Text, "comment")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await audit.WriteAsync(caller, Operation, TaskGate.Subject(taskId), StatusCodes.Status400BadRequest, cancellationToken, refused: true);
            throw EngineException.Invalid("请填写意见内容。 A comment needs some text.");
        }
        var comment = new TaskComment { Id = Guid.NewGuid(), TaskId = taskId, At = clock.GetUtcNow(), By = caller.UserName, Text = text };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(caller, Operation, TaskGate.Subject(taskId), StatusCodes.Status200OK, cancellationToken);
        return comment;
    }
}
