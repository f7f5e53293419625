namespace PolicyFlow.Activities.Deadlines;

/// <summary>
/// One notice to send at <paramref name="DueAt"/>. <paramref name="Sequence"/> is 1-based per kind and counts
/// the full schedule, so a skipped early reminder leaves a gap and numbers stay stable for message ids.
/// </summary>
public sealed record PlannedNotice(NoticeKind Kind, DateTimeOffset DueAt, int Sequence);
