using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Attachments;

namespace PolicyFlow.Host.Endpoints.Attachments;

/// <summary>
/// <c>/api/tasks/{id}/attachments</c>: evidence for a task (multipart, one file, ≤ 20 MB, pdf/docx/xlsx/png/jpg/txt), the
/// list, and the download. The task's rules apply: its readers list and download, its actors upload.
/// </summary>
internal static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks/{id:guid}/attachments").WithTags("Tasks");
        group.MapPost("/", UploadAsync).WithMetadata(new BodyLimit(AttachmentRules.MaxRequestBytes)).DisableAntiforgery();
        group.MapGet("/", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
            await db.Attachments.AsNoTracking().Where(a => a.TaskId == id).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy }).ToListAsync(ct));
        group.MapGet("/{attachmentId:guid}", async (Guid id, Guid attachmentId, PolicyFlowDbContext db, AttachmentStore store, CancellationToken ct) =>
        {
            var row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TaskId == id, ct)
                ?? throw EngineException.NotFound($"Attachment {attachmentId} does not exist on task {id}.");
            // Served as a download with a fixed type: a browser never renders an uploaded file as a page.
            return Results.File(store.OpenRead(row.StoredPath), row.ContentType, row.FileName);
        });
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, Application.Tasks.AttachEvidence useCase, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw EngineException.Invalid("Send the file as multipart/form-data with one file field.");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.Count == 1 ? form.Files[0] : throw EngineException.Invalid("Send exactly one file.");
        if (file.Length > AttachmentRules.MaxFileBytes)
        {
            return Results.Problem(statusCode: 413, title: "文件过大 File too large", detail: "An attachment must be 1 byte to 20 MB.");
        }
        var row = await useCase.HandleAsync(Auth.Caller.From(http.User), id, file.FileName, file.Length, file.OpenReadStream, ct);
        return Results.Created(row.DownloadUrl, new { row.Id, row.FileName, row.ContentType, row.Size, row.Sha256, row.UploadedAt, row.UploadedBy });
    }

    private sealed class BodyLimit(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
