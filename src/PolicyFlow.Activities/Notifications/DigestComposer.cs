using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Activities.Notifications;

/// <summary>
/// Writes a digest from the Digest templates: one line per reminder (its subject, already in the reader's language) and
/// its task link. The digest's own wording uses the default culture: the outbox row does not keep the recipient's.
/// </summary>
internal sealed class DigestComposer(NotificationRenderer renderer, NotificationOptions options) : IDigestComposer
{
    public DigestContent Compose(string to, string? toName, DateOnly day, IReadOnlyList<OutboxMessage> reminders)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var items = reminders.Select(r => (r.Subject, renderer.Link(r.TaskId, r.InstanceId))).ToList();
        var rendered = renderer.RenderDigest(new Recipient(to, toName ?? to, options.DefaultCulture), day, items);
        return new DigestContent(rendered.Subject, rendered.TextBody, rendered.HtmlBody);
    }
}
