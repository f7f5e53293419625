using PolicyFlow.Activities.Calendar;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Notifications;

/// <summary>
/// Renders a notification in the recipient's language and adds it to the outbox of the transaction at hand (a unit of
/// work, or the burst an activity runs in), so the email commits with the state change that causes it, or not at all.
/// </summary>
public sealed class NotificationWriter(NotificationRenderer renderer, OutboxOptions outbox)
{
    private const int MaxDedupKeyLength = 300;

    /// <param name="dedupKey">The cause, e.g. <c>assigned:{taskId}</c> or <c>reminder:{timerId}</c>: the same cause writes one message.</param>
    public void Enqueue(UnitOfWork work, NotificationKind kind, Recipient to, NotificationModel model, string dedupKey)
    {
        ArgumentNullException.ThrowIfNull(work);
        Write(work.Now, work.Enqueue, kind, to, model, dedupKey, dedupKey);
    }

    /// <summary>From inside an activity: the message joins the burst's transaction.</summary>
    public void Enqueue(ActivityContext context, NotificationKind kind, Recipient to, NotificationModel model, string dedupKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        Write(context.Now, context.Enqueue, kind, to, model, dedupKey, dedupKey);
    }

    /// <summary>One message per recipient (an escalation goes to the lead agency and to leadership); each key gets <c>:{email}</c>.</summary>
    public void Enqueue(UnitOfWork work, NotificationKind kind, IEnumerable<Recipient> to, NotificationModel model, string dedupKey)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var recipient in to)
        {
            ArgumentNullException.ThrowIfNull(recipient);
            Write(work.Now, work.Enqueue, kind, recipient, model, $"{dedupKey}:{recipient.Email}", dedupKey);
        }
    }

    /// <inheritdoc cref="Enqueue(UnitOfWork, NotificationKind, IEnumerable{Recipient}, NotificationModel, string)"/>
    public void Enqueue(ActivityContext context, NotificationKind kind, IEnumerable<Recipient> to, NotificationModel model, string dedupKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var recipient in to)
        {
            ArgumentNullException.ThrowIfNull(recipient);
            Write(context.Now, context.Enqueue, kind, recipient, model, $"{dedupKey}:{recipient.Email}", dedupKey);
        }
    }

    private void Write(DateTimeOffset now, Action<OutboxMessage> enqueue, NotificationKind kind, Recipient to, NotificationModel model, string dedupKey,
        string cause)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        if (string.IsNullOrWhiteSpace(to.Email))
        {
            throw new ArgumentException($"A {kind} notification needs the recipient's email address.", nameof(to));
        }
        if (dedupKey.Length > MaxDedupKeyLength)
        {
            throw new ArgumentException($"A dedup key is at most {MaxDedupKeyLength} characters: {dedupKey[..40]}…", nameof(dedupKey));
        }
        if (kind == NotificationKind.Digest)
        {
            throw new ArgumentException("Digests are written by the outbox dispatcher from pending reminders.", nameof(kind));
        }
        var rendered = renderer.Render(kind, to, WithDays(model, now));
        var name = kind.ToString();
        var held = outbox.DigestReminders && string.Equals(name, outbox.DigestKind, StringComparison.Ordinal);
        enqueue(new OutboxMessage
        {
            MessageId = MessageIds.Create(name, dedupKey, outbox.MessageIdDomain),
            DedupKey = dedupKey,
            Kind = name,
            To = to.Email.Trim(),
            ToName = to.Name,
            Subject = rendered.Subject,
            TextBody = rendered.TextBody,
            HtmlBody = rendered.HtmlBody,
            InstanceId = model.InstanceId,
            TaskId = model.TaskId,
            Status = OutboxStatus.Pending,
            // Held a little so that the reminders one timer batch writes are gathered into one digest.
            NextAttemptAt = held ? now + outbox.DigestWindow : default,
            // The Studio's copy of the notice, written with the message or not at all (a repeat of the cause writes neither).
            WrittenWith = new InAppNotice
            {
                DedupKey = dedupKey, Cause = cause.Length <= MaxDedupKeyLength ? cause : cause[..MaxDedupKeyLength], Kind = name,
                To = to.Email.Trim().ToLowerInvariant(), AgencyId = to.AgencyId, Subject = rendered.Subject, Text = rendered.TextBody,
                TaskId = model.TaskId, InstanceId = model.InstanceId, CreatedAt = now,
            },
        });
    }

    private static NotificationModel WithDays(NotificationModel model, DateTimeOffset now)
    {
        if (model.DueAt is not { } due || (model.DaysLeft is not null && model.DaysOverdue is not null))
        {
            return model;
        }
        var days = ChinaTime.DateOf(due).DayNumber - ChinaTime.DateOf(now).DayNumber;
        return model with
        {
            DaysLeft = model.DaysLeft ?? Math.Max(days, 0),
            DaysOverdue = model.DaysOverdue ?? Math.Max(-days, 0),
        };
    }
}
