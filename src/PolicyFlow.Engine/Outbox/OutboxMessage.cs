namespace PolicyFlow.Engine.Outbox;

/// <summary>An email written in the same transaction as the state change that causes it; sent later, once.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Stable Message-ID: a re-send after a crash carries the same one.</summary>
    public required string MessageId { get; set; }

    /// <summary>What caused it (notice kind + task/timer id): the same cause never writes two messages.</summary>
    public required string DedupKey { get; set; }

    public required string Kind { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public Guid? InstanceId { get; set; }
    public Guid? TaskId { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// An entity of the application's model written in the same transaction if, and only if, this message is (e.g. the
    /// in-app copy of the notice): a repeat of the cause writes neither. Not stored with the message.
    /// </summary>
    public object? WrittenWith { get; set; }
}
