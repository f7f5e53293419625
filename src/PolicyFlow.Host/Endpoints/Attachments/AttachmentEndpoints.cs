using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Attachments;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Endpoints.Attachments;

/// <summary>
/// <c>/api/tasks/{id}/attachments</c>: evidence for a task (multipart, one file, ≤ 20 MB, pdf/docx/xlsx/png/jpg/txt), the
/// list, and the download. The task's rules apply: its readers list and download, its actors upload.
/// </summary>
internal static class AttachmentEndpoints
{
    private const int SniffBytes = 512;

    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks/{id:guid}/attachments").WithTags("Tasks");
        group.MapPost("/", UploadAsync).WithMetadata(new BodyLimit(AttachmentRules.MaxRequestBytes)).DisableAntiforgery();
        group.MapGet("/", async (Guid id, AccountsDbContext db, CancellationToken ct) =>
            await db.Attachments.AsNoTracking().Where(a => a.TaskId == id).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy }).ToListAsync(ct));
        group.MapGet("/{attachmentId:guid}", async (Guid id, Guid attachmentId, AccountsDbContext db, AttachmentStore store, CancellationToken ct) =>
        {
            var row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TaskId == id, ct)
                ?? throw EngineException.NotFound($"Attachment {attachmentId} does not exist on task {id}.");
            // Served as a download with a fixed type: a browser never renders an uploaded file as a page.
            return Results.File(store.OpenRead(row.StoredPath), row.ContentType, row.FileName);
        });
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, AccountsDbContext db, Activities.Persistence.PolicyFlowDbContext work,
        AttachmentStore store, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Auth.AuthOptions> options, CancellationToken ct)
    {
        await AttachmentRules.CheckTaskAsync(id, 0, work, db, options.Value, ct);
        if (!http.Request.HasFormContentType)
        {
            throw EngineException.Invalid("Send the file as multipart/form-data with one file field.");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.Count == 1 ? form.Files[0] : throw EngineException.Invalid("Send exactly one file.");
        if (file.Length is 0 or > AttachmentRules.MaxFileBytes)
        {
            return Results.Problem(statusCode: 413, title: "文件过大 File too large", detail: "An attachment must be 1 byte to 20 MB.");
        }
        await AttachmentRules.CheckTaskAsync(id, file.Length, work, db, options.Value, ct);
        var name = AttachmentRules.DisplayName(file.FileName);
        var head = new byte[SniffBytes];
        int sniffed;
        await using (var peek = file.OpenReadStream())
        {
            sniffed = await peek.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, ct);
        }
        var contentType = AttachmentRules.ContentTypeOf(name, head.AsSpan(0, sniffed))
            ?? throw EngineException.Invalid($"'{name}' is not an allowed file: pdf, docx, xlsx, png, jpg or UTF-8 txt, whose content matches its extension.");
        var attachmentId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var content = file.OpenReadStream();
        var (storedPath, size, sha256) = await store.SaveAsync(attachmentId, now, content, ct);
        var row = new TaskAttachment
        {
            Id = attachmentId, TaskId = id, FileName = name, ContentType = contentType, Size = size, StoredPath = storedPath,
            Sha256 = sha256, UploadedAt = now, UploadedBy = Actor.Of(http.User),
        };
        db.Attachments.Add(row);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/tasks/{id}/attachments/{row.Id}", new { row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt, row.UploadedBy });
    }

    private sealed class BodyLimit(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
