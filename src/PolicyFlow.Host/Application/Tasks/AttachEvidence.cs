using Microsoft.Extensions.Options;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Attachments;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// 佐证材料: the assignee attaches one file (pdf, docx, xlsx, png, jpg or txt, ≤ 20 MB, recognised by its first bytes) to an
/// open task within the task's quota and the user's daily quota. The API's multipart upload and the Studio's file picker both come here. The row is
/// written in the transaction that finds the task open and moves its revision, so an upload and a completion (or a cancel)
/// of the same task cannot both pass: whichever commits second starts again and sees the other.
/// </summary>
internal sealed class AttachEvidence(TaskGate gate, DbFactory dbFactory, WorkflowEngine engine, AttachmentStore store, TimeProvider clock,
    IOptions<AuthOptions> options)
{
    public const string Operation = "task.attach";
    private const int SniffBytes = 512;

    /// <param name="open">Opens the file's content; called twice (once to recognise the type, once to store it).</param>
    public async Task<AttachmentView> HandleAsync(Caller caller, Guid taskId, string? fileName, long length, Func<Stream> open,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        await gate.RequireActAsync(caller, taskId, Operation, cancellationToken);
        return await gate.AuditedAsync(caller, taskId, Operation, async () =>
        {
            if (length is 0 or > AttachmentRules.MaxFileBytes)
            {
                throw EngineException.Invalid("文件须在 1 字节到 20 MB 之间。 An attachment must be 1 byte to 20 MB.");
            }
            // Refuse a closed or full task before storing 20 MB; the transaction below asks again.
            await using (var db = dbFactory.Create())
            {
                await AttachmentRules.CheckTaskAsync(taskId, length, db, options.Value, cancellationToken);
                await AttachmentRules.CheckUserAsync(caller.UserName, length, clock.GetUtcNow(), db, options.Value, cancellationToken);
            }
            var name = AttachmentRules.DisplayName(fileName);
            var head = new byte[SniffBytes];
            int sniffed;
            await using (var peek = open())
            {
                sniffed = await peek.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken);
            }
            var contentType = AttachmentRules.ContentTypeOf(name, head.AsSpan(0, sniffed))
                ?? throw EngineException.Invalid($"“{name}”不是允许的文件类型（pdf、docx、xlsx、png、jpg 或 UTF-8 文本，且内容与扩展名一致）。 '{name}' is not an allowed file: pdf, docx, xlsx, png, jpg or UTF-8 txt, whose content matches its extension.");
            var id = Guid.NewGuid();
            var now = clock.GetUtcNow();
            string storedPath, sha256;
            long size;
            await using (var content = open())
            {
                (storedPath, size, sha256) = await store.SaveAsync(id, now, content, cancellationToken);
            }
            TaskAttachment row;
            try
            {
                row = await engine.InTransactionAsync(caller.UserName, async work =>
                {
                    var db = (PolicyFlowDbContext)work.Db;
                    var task = await AttachmentRules.CheckTaskAsync(taskId, size, db, options.Value, cancellationToken);
                    await AttachmentRules.CheckUserAsync(caller.UserName, size, now, db, options.Value, cancellationToken);
                    task.Touch();
                    var attachment = new TaskAttachment
                    {
                        Id = id, TaskId = taskId, FileName = name, ContentType = contentType, Size = size, StoredPath = storedPath,
                        Sha256 = sha256, UploadedAt = now, UploadedBy = caller.UserName,
                    };
                    db.Attachments.Add(attachment);
                    return attachment;
                }, cancellationToken);
            }
            catch
            {
                store.Delete(storedPath);
                throw;
            }
            return new AttachmentView(row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt, row.UploadedBy, DownloadUrl(taskId, row.Id));
        }, cancellationToken);
    }

    public static string DownloadUrl(Guid taskId, Guid attachmentId) => $"/api/tasks/{taskId}/attachments/{attachmentId}";
}
