using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Reminders for one recipient on one day arrive as one digest instead of dozens of emails.</summary>
public sealed class DigestTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly Recipient County = new("jxj@shangcheng.gov.cn", "上城区经信局");
    private static readonly DateTimeOffset Due = new(2025, 10, 16, 17, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task ThirtyRemindersForOneRecipientOnOneDay_ArriveAsOneMessageListingAllThirty(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var harness = await MailHarness.StartAsync(provider, sink);
        var tasks = Enumerable.Range(1, 30).Select(i => (Id: Guid.NewGuid(), Title: $"第{i}项落实任务")).ToList();
        foreach (var (id, title) in tasks)
        {
            // One timer firing after another, as the timer pump does at 09:00.
            await harness.EnqueueAsync(NotificationKind.Reminder, County, new NotificationModel { TaskId = id, TaskTitle = title, DueAt = Due },
                $"reminder:{id}:1");
            harness.Clock.Advance(TimeSpan.FromSeconds(2));
        }
        await harness.EnqueueAsync(NotificationKind.Reminder, new Recipient("solo@zj.gov.cn", "单独一项"),
            new NotificationModel { TaskId = Guid.NewGuid(), TaskTitle = "唯一的提醒", DueAt = Due }, "reminder:solo");

        // Held while the batch is being written…
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        // …then one digest for the county and the lone reminder as it is.
        Assert.Equal(2, await harness.Dispatcher.DispatchAsync(50));

        var received = await sink.WaitForMessagesAsync(2, Timeout);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        await Task.Delay(300);
        Assert.Equal(2, sink.ReceivedMessages().Count);
        var digest = Assert.Single(received, m => m.EnvelopeRecipients.Contains(County.Email));
        Assert.Equal("【到期提醒汇总】2025年10月13日，您有30项任务即将到期", digest.Subject);
        foreach (var (id, title) in tasks)
        {
            Assert.Contains($"【到期提醒】{title}（2025年10月16日到期，剩余3天）", digest.TextBody);
            Assert.Contains($"{MailHarness.StudioUrl}/tasks/{id}", digest.TextBody);
            Assert.Contains($"href=\"{MailHarness.StudioUrl}/tasks/{id}\"", digest.HtmlBody);
        }
        Assert.Contains("30. 【到期提醒】", digest.TextBody);
        var solo = Assert.Single(received, m => m.EnvelopeRecipients.Contains("solo@zj.gov.cn"));
        Assert.Equal("【到期提醒】唯一的提醒（2025年10月16日到期，剩余3天）", solo.Subject);

        var rows = await harness.OutboxAsync();
        Assert.Equal(30, rows.Count(m => m.Status == OutboxStatus.Digested && m.To == County.Email));
        var row = Assert.Single(rows, m => m.Kind == "Digest");
        Assert.Equal(($"digest:{County.Email}:2025-10-13", OutboxStatus.Sent), (row.DedupKey, row.Status));
        Assert.Equal(row.MessageId, $"<{digest.MessageId}>");
    }

    [Fact]
    public async Task WithDigestsOff_EveryReminderIsSentAtOnceOnItsOwn()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var harness = await MailHarness.StartAsync("Sqlite", sink, new Dictionary<string, string?> { ["Mail:DigestReminders"] = "false" });
        for (var i = 1; i <= 3; i++)
        {
            await harness.EnqueueAsync(NotificationKind.Reminder, County, new NotificationModel { TaskId = Guid.NewGuid(), TaskTitle = $"任务{i}", DueAt = Due },
                $"reminder:{i}");
        }

        Assert.Equal(3, await harness.Dispatcher.DispatchAsync(50));

        Assert.Equal(3, (await sink.WaitForMessagesAsync(3, Timeout)).Count(m => m.Subject.StartsWith("【到期提醒】任务", StringComparison.Ordinal)));
        Assert.DoesNotContain(await harness.OutboxAsync(), m => m.Kind == "Digest");
    }
}
