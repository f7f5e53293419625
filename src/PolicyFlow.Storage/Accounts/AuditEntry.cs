namespace PolicyFlow.Host.Auth.Audit;

/// <summary>One state change that succeeded, or one attempt that was refused.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user, the user name a failed sign-in tried, or <c>anonymous</c>.</summary>
    public required string UserName { get; set; }

    /// <summary>The longest <see cref="Method"/>: an HTTP method, or a use case's operation (<c>definition.publish</c>).</summary>
    public const int MaxOperation = 32;

    /// <summary>The HTTP method, or the operation of the use case that wrote the entry (<c>task.claim</c>).</summary>
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int Status { get; set; }
    public bool Refused { get; set; }
    public string? RemoteAddress { get; set; }
}
