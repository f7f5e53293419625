using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Auth.Attachments;

/// <summary>
/// What may be attached: pdf, docx, xlsx, png, jpg and txt up to 20 MB, recognised by extension AND by their first bytes,
/// so a renamed executable or HTML page is refused.
/// </summary>
internal static class AttachmentRules
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>The file plus the multipart envelope around it.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (64 * 1024);

    /// <summary>
    /// Refuses an upload to a closed task (the evidence of a finished step does not change afterwards) or one that would take
    /// the task over its quota, and returns the task as <paramref name="db"/> tracks it. Two uploads at the same moment may both
    /// pass: the quota bounds abuse, it is not a ledger.
    /// </summary>
    public static async Task<WorkTask> CheckTaskAsync(Guid taskId, long fileBytes, Activities.Persistence.PolicyFlowDbContext db,
        AuthOptions options, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw EngineException.NotFound($"Task {taskId} does not exist.");
        if (!task.IsOpen)
        {
            throw EngineException.Conflict($"任务已{task.Status}，不能再上传附件。 Task {taskId} is {task.Status}; attachments can be added to an open task only.");
        }
        var held = await db.Attachments.AsNoTracking().Where(a => a.TaskId == taskId).Select(a => a.Size).ToListAsync(cancellationToken);
        if (held.Count >= options.AttachmentsPerTask || held.Sum() + fileBytes > options.AttachmentBytesPerTask)
        {
            var (count, megabytes) = (options.AttachmentsPerTask, options.AttachmentBytesPerTask / (1024 * 1024));
            throw EngineException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"该任务的附件已达上限（{count} 个、{megabytes} MB）。 Task {taskId} holds {held.Count} attachments of {held.Sum() / (1024 * 1024)} MB; a task may hold {count} attachments and {megabytes} MB. Combine files into one document, or ask an administrator."));
        }
        return task;
    }

    /// <summary>Refuses an upload that would take <paramref name="userName"/> over their bytes of the last 24 hours, all tasks together.</summary>
    public static async Task CheckUserAsync(string userName, long fileBytes, DateTimeOffset now, Activities.Persistence.PolicyFlowDbContext db, AuthOptions options,
        CancellationToken cancellationToken)
    {
        var since = now.AddDays(-1);
        var uploaded = await db.Attachments.AsNoTracking().Where(a => a.UploadedBy == userName && a.UploadedAt > since).SumAsync(a => a.Size, cancellationToken);
        if (uploaded + fileBytes > options.AttachmentBytesPerUserPerDay)
        {
            var limit = options.AttachmentBytesPerUserPerDay;
            throw EngineException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"你在 24 小时内上传的附件已达上限（{Size(limit)}），请稍后再传。 You uploaded {Size(uploaded)} in the last 24 hours; a user may upload {Size(limit)} a day. Try again later, or ask an administrator."));
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type to serve the file with, or null when the extension or the content is not allowed.</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        return extension switch
        {
            ".PDF" when head.StartsWith(Pdf) => "application/pdf",
            ".DOCX" when head.StartsWith(Zip) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".XLSX" when head.StartsWith(Zip) => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".PNG" when head.StartsWith(Png) => "image/png",
            ".JPG" or ".JPEG" when head.StartsWith(Jpeg) => "image/jpeg",
            ".TXT" when IsText(head) => "text/plain; charset=utf-8",
            _ => null,
        };
    }

    /// <summary>The name to show: no directories (<c>../</c>, <c>C:\</c>), no control characters, at most 255 characters.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "attachment" : name.Length > 255 ? name[^255..] : name;
    }

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        // A truncated multi-byte character at the end of the sniffed head is still text.
        var end = head.Length;
        while (end > 0 && end > head.Length - 4 && (head[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }
        if (end > 0 && head[end - 1] >= 0xC0)
        {
            end--;
        }
        var body = head[..end];
        return !body.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(body);
    }
}
