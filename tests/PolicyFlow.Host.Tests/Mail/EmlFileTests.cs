using MimeKit;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>With no SMTP server configured (the embedded default) mail is written as .eml files anyone can open.</summary>
public sealed class EmlFileTests
{
    [Fact]
    public async Task NoSmtpConfigured_WritesEachMessageAsAnEmlFileUnderDataMail_AndMarksItSent()
    {
        await using var harness = await MailHarness.StartAsync("Sqlite", sink: null);
        var first = await harness.AssignAsync("制定实施方案", new Recipient("rst@zj.gov.cn", "省人力社保厅"));
        await harness.AssignAsync("报送工作进展", new Recipient("kx@zj.gov.cn", "省科协"));

        Assert.Equal(2, await harness.Dispatcher.DispatchAsync(50));

        var folder = Path.Combine(harness.ContentRoot, "data", "mail");
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Matches(@"^20251013-090000-[0-9a-f]{32}\.eml$", Path.GetFileName(f)));
        var rows = await harness.OutboxAsync();
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var row = rows.Single(m => m.TaskId == first.Id);
        using var mime = await MimeMessage.LoadAsync(Path.Combine(folder, $"20251013-090000-{row.Id:N}.eml"));
        Assert.Equal("【任务交办】制定实施方案", mime.Subject);
        Assert.Equal(row.MessageId, $"<{mime.MessageId}>");
        Assert.Equal("rst@zj.gov.cn", mime.To.Mailboxes.Single().Address);
        Assert.Contains($"{MailHarness.StudioUrl}/tasks/{first.Id}", mime.TextBody);
        Assert.Contains("省人力社保厅", mime.HtmlBody);
    }
}
