using MimeKit;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Mail;

/// <summary>Builds the MIME message for an outbox row: its stored Message-ID, UTF-8 headers, text and HTML as alternatives.</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(OutboxMessage message, MailOptions options, DateTimeOffset now)
    {
        MailboxAddress to;
        try
        {
            to = new MailboxAddress(message.ToName ?? string.Empty, message.To);
        }
        catch (ParseException ex)
        {
            // No server will ever take it: the outbox page shows why and the other messages go on.
            throw new MailDeliveryException(permanent: true, $"Invalid recipient address '{message.To}': {ex.Message}", ex);
        }
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId.Trim().TrimStart('<').TrimEnd('>'),
            Date = now,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(to);
        // Tells auto-responders and mail rules that no person wrote this (RFC 3834).
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-PolicyFlow-Kind", message.Kind);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
