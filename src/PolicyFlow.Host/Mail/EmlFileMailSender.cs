using System.Globalization;
using Microsoft.Extensions.Options;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Mail;

/// <summary>
/// The embedded default when no SMTP server is configured: each message becomes
/// <c>{yyyyMMdd-HHmmss}-{id}.eml</c> (Asia/Shanghai time) in the pickup folder, readable by any mail program.
/// </summary>
internal sealed class EmlFileMailSender(string directory, IOptions<MailOptions> options, TimeProvider clock) : IMailSender
{
    public string Folder { get; } = directory;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        using var mime = MimeMessages.Create(message, options.Value, now);
        Directory.CreateDirectory(Folder);
        var local = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone);
        var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{local:yyyyMMdd-HHmmss}-{message.Id:N}.eml"));
        // Written aside and renamed, so a reader never sees half a message.
        var partial = path + ".partial";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
