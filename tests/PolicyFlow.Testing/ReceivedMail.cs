using System.Text.Json;
using MimeKit;

namespace PolicyFlow.Testing;

/// <summary>A message the SMTP sink accepted: its envelope, its decoded headers and bodies, and the raw bytes.</summary>
public sealed record ReceivedMail(
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeRecipients,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? TextBody,
    string? HtmlBody,
    string? MessageId,
    byte[] Raw,
    MimeMessage Message)
{
    /// <summary>Reads DIR/NAME.eml and the envelope the sink wrote beside it in DIR/NAME.json.</summary>
    internal static ReceivedMail Load(string emlPath)
    {
        var raw = File.ReadAllBytes(emlPath);
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(emlPath, ".json")));
        var root = envelope.RootElement;
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(stream);
        return new ReceivedMail(
            EnvelopeFrom: root.GetProperty("mail_from").GetString() ?? "",
            EnvelopeRecipients: [.. root.GetProperty("rcpt_tos").EnumerateArray().Select(e => e.GetString() ?? "")],
            From: message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
            To: [.. message.To.Mailboxes.Select(m => m.Address)],
            Subject: message.Subject ?? "",
            TextBody: message.TextBody,
            HtmlBody: message.HtmlBody,
            MessageId: message.MessageId,
            Raw: raw,
            Message: message);
    }
}
