using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Mail;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per message. A 5xx refusal of the recipient or
/// of the message is permanent; a server that cannot be reached, a 4xx answer or a broken connection is worth a retry.
/// </summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var host = settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set; the .eml sender serves that case.");
        using var mime = MimeMessages.Create(message, settings, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = settings.SmtpTimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(host, settings.SmtpPort, Security(settings.SmtpSecurity), cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }
            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            // A refused sender is a setting the administrator can fix, so it is retried like an outage.
            var permanent = code is >= 500 and < 600 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
            throw new MailDeliveryException(permanent, $"{code} {ex.Message.Trim()}", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or SslHandshakeException
            or AuthenticationException or System.Security.Authentication.AuthenticationException or ServiceNotConnectedException or TimeoutException)
        {
            throw new MailDeliveryException(permanent: false,
                $"{host}:{settings.SmtpPort}: {ex.Message}", ex);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or OperationCanceledException)
        {
            // The server has accepted the message: a failed goodbye must not make it look unsent and send it twice.
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
