namespace PolicyFlow.Engine.Outbox;

/// <summary>Where an outgoing message stands.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Digested,
}
