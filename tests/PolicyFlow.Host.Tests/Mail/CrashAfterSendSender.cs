using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Sends for real, then "dies" before the dispatcher can record it: the process stops as the mail leaves.</summary>
internal sealed class CrashAfterSendSender(IMailSender inner, CancellationTokenSource process) : IMailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, cancellationToken);
        await process.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
