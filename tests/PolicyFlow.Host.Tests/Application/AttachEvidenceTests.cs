using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// Evidence and its task share one transaction: the attachment row is written where the task is found open and its revision
/// moves, so a completion landing while the file is being stored wins and the upload leaves nothing behind.
/// </summary>
public abstract class AttachEvidenceTransaction(AuthApp app)
{
    private static readonly Caller Assignee = new("jx-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");
    private static readonly byte[] Evidence = "佐证材料 evidence"u8.ToArray();

    [Fact]
    public async Task Upload_WhenTheTaskIsCompletedWhileTheFileIsStored_IsRefused_AndLeavesNoRowAndNoFile()
    {
        var task = await app.NewOwnTaskAsync();
        var filesBefore = UploadedFiles();

        var refusal = await app.WithServicesAsync(async services =>
        {
            var engine = services.GetRequiredService<WorkflowEngine>();
            var opened = 0;
            // The use case opens the content twice: to recognise it, then to store it. The assignee completes the task in between.
            Stream Open()
            {
                if (++opened == 2)
                {
                    Task.Run(() => engine.CompleteTaskAsync(task, "Done", Assignee.UserName)).GetAwaiter().GetResult();
                }
                return new MemoryStream(Evidence, writable: false);
            }
            return await Assert.ThrowsAsync<EngineException>(() =>
                services.GetRequiredService<AttachEvidence>().HandleAsync(Assignee, task, "late.txt", Evidence.Length, Open));
        });

        Assert.Equal(EngineError.Conflict, refusal.Error);
        Assert.Contains("open task only", refusal.Message, StringComparison.Ordinal);
        var (status, _, attachments) = await TaskStateAsync(task);
        Assert.Equal(WorkTaskStatus.Completed, status);
        Assert.Equal(0, attachments);
        Assert.Equal(filesBefore, UploadedFiles());
    }

    [Fact]
    public async Task Upload_ToAnOpenTask_WritesTheRowAndMovesTheTasksRevision_InOneCommit()
    {
        var task = await app.NewOwnTaskAsync();
        var (_, revisionBefore, _) = await TaskStateAsync(task);

        var view = await app.WithServicesAsync(services => services.GetRequiredService<AttachEvidence>()
            .HandleAsync(Assignee, task, "evidence.txt", Evidence.Length, () => new MemoryStream(Evidence, writable: false)));

        var (status, revision, attachments) = await TaskStateAsync(task);
        Assert.Equal(WorkTaskStatus.Open, status);
        Assert.Equal(revisionBefore + 1, revision);
        Assert.Equal(1, attachments);
        Assert.Equal("evidence.txt", view.FileName);
    }

    private Task<(WorkTaskStatus Status, int Revision, int Attachments)> TaskStateAsync(Guid task) => app.WithServicesAsync(async services =>
    {
        await using var db = services.GetRequiredService<DbFactory>().Create();
        var row = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task);
        return (row.Status, row.Revision, await db.Attachments.CountAsync(a => a.TaskId == task));
    });

    private string[] UploadedFiles() => Directory.Exists(app.UploadsDirectory)
        ? [.. Directory.EnumerateFiles(app.UploadsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
        : [];
}

[Collection(AuthCollection.Name)]
public sealed class AttachEvidenceTransactionTests(AuthApp app) : AttachEvidenceTransaction(app);

[Collection(PostgresAuthCollection.Name)]
public sealed class AttachEvidenceTransactionOnPostgreSqlTests(PostgresAuthApp app) : AttachEvidenceTransaction(app);
