namespace PolicyFlow.Engine.Outbox;

/// <summary>Writes the digest that replaces one recipient's reminders of one day (the templates live outside the engine).</summary>
public interface IDigestComposer
{
    /// <summary>The digest's subject and bodies, listing every one of <paramref name="reminders"/> (oldest first).</summary>
    DigestContent Compose(string to, string? toName, DateOnly day, IReadOnlyList<OutboxMessage> reminders);
}
