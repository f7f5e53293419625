namespace PolicyFlow.Host.Auth.Attachments;

/// <summary>A file attached to a task. The bytes live under <c>data/uploads/{yyyy}/{id}</c>; the name is only shown.</summary>
public sealed class TaskAttachment
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }

    /// <summary>The uploader's file name without any directory part; never used to build a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Relative to the uploads folder: <c>{yyyy}/{id:N}</c>.</summary>
    public required string StoredPath { get; set; }

    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}
