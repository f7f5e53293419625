namespace PolicyFlow.Engine.Outbox;

/// <summary>Hands one outbox message to the mail system (an SMTP server, a pickup folder…).</summary>
public interface IMailSender
{
    /// <summary>Delivers <paramref name="message"/> or throws <see cref="MailDeliveryException"/> saying whether a retry can help.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
