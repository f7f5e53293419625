using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Endpoints.Outbox;

/// <summary>An outbox message as the outbox page lists it; the bodies stay out of the list.</summary>
internal sealed record OutboxView(Guid Id, string Kind, string To, string? ToName, string Subject, OutboxStatus Status, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string MessageId, Guid? TaskId);
