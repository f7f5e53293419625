namespace PolicyFlow.Activities.Notifications;

/// <summary>
/// The Studio's copy of one emailed notice (站内通知), written with its outbox message and only then, so a user without
/// email, or who missed it, still sees it. The same cause sent to an agency's mailbox and to its users is one
/// <see cref="Cause"/>: a person sees it once and reads it once.
/// </summary>
public sealed class InAppNotice
{
    public long Id { get; set; }

    /// <summary>The outbox message's dedup key: one notice per message.</summary>
    public required string DedupKey { get; set; }

    /// <summary>What caused it, without the recipient (<c>assigned:{taskId}</c>, <c>Reminder:{timerId}</c>).</summary>
    public required string Cause { get; set; }

    public required string Kind { get; set; }

    /// <summary>The address it was emailed to, lower case.</summary>
    public required string To { get; set; }

    /// <summary>The agency whose mail it is (its mailbox or one of its users); null for a person outside an agency's mail (leadership).</summary>
    public string? AgencyId { get; set; }

    public required string Subject { get; set; }
    public required string Text { get; set; }
    public Guid? TaskId { get; set; }
    public Guid? InstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>That a user has read a notice (by its cause, so the mailbox's and their own copy are read together).</summary>
public sealed class InAppNoticeRead
{
    public required string UserName { get; set; }
    public required string Cause { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
