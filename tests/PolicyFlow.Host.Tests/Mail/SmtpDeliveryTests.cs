using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Notifications delivered through a real SMTP server, from rows written with the state change.</summary>
public sealed class SmtpDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly Recipient Jxt = new("renshi@jxt.zj.gov.cn", "省经信厅人事处");

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task TaskAssigned_DeliversOneMessageToTheAssignee_InChineseWithTheTaskLinkAndStoredMessageId(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var harness = await MailHarness.StartAsync(provider, sink);
        var due = new DateTimeOffset(2025, 10, 31, 9, 0, 0, TimeSpan.FromHours(8));

        var task = await harness.AssignAsync("报送卓越工程师培养实施方案", Jxt, due);
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(50));

        var mail = Assert.Single(await sink.WaitForMessagesAsync(1, Timeout));
        var row = Assert.Single(await harness.OutboxAsync());
        Assert.Equal(["renshi@jxt.zj.gov.cn"], mail.EnvelopeRecipients);
        Assert.Equal("policyflow@zj.gov.cn", mail.EnvelopeFrom);
        Assert.Equal("【任务交办】报送卓越工程师培养实施方案（请于2025年10月31日前完成）", mail.Subject);
        Assert.Equal("省经信厅人事处", mail.Message.To.Mailboxes.Single().Name);
        Assert.Equal("浙江省政策落实系统", mail.Message.From.Mailboxes.Single().Name);
        Assert.Contains("您单位有一项新任务待办理", mail.TextBody);
        Assert.Contains("所属措施：（一）实施卓越工程师培养工程", mail.TextBody);
        Assert.Contains("完成时限：2025年10月31日", mail.TextBody);
        Assert.Contains($"{MailHarness.StudioUrl}/tasks/{task.Id}", mail.TextBody);
        Assert.Contains($"href=\"{MailHarness.StudioUrl}/tasks/{task.Id}\"", mail.HtmlBody);
        Assert.Contains("<strong>报送卓越工程师培养实施方案</strong>", mail.HtmlBody);
        Assert.Equal(row.MessageId, $"<{mail.MessageId}>");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(harness.Clock.GetUtcNow(), row.SentAt);
        Assert.Equal(task.Id, row.TaskId);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        await Task.Delay(300);
        Assert.Single(sink.ReceivedMessages());
    }

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task RejectedAddress_IsMarkedFailedWithTheServersAnswer_AndDoesNotBlockTheOthersInTheBatch(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync("nobody@zj.gov.cn");
        await using var harness = await MailHarness.StartAsync(provider, sink);
        await harness.AssignAsync("任务一", new Recipient("first@zj.gov.cn", "甲单位"));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.AssignAsync("任务二", new Recipient("nobody@zj.gov.cn", "不存在的单位"));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.AssignAsync("任务三", new Recipient("third@zj.gov.cn", "丙单位"));

        Assert.Equal(3, await harness.Dispatcher.DispatchAsync(50));

        var received = await sink.WaitForMessagesAsync(2, Timeout);
        Assert.Equal(["first@zj.gov.cn", "third@zj.gov.cn"], received.SelectMany(m => m.EnvelopeRecipients).Order());
        var rows = await harness.OutboxAsync();
        var rejected = rows.Single(m => m.To == "nobody@zj.gov.cn");
        Assert.Equal(OutboxStatus.Failed, rejected.Status);
        Assert.Equal(1, rejected.Attempts);
        Assert.StartsWith("550 ", rejected.LastError);
        Assert.Contains("recipient rejected by the test sink", rejected.LastError);
        Assert.All(rows.Where(m => m.To != "nobody@zj.gov.cn"), m => Assert.Equal(OutboxStatus.Sent, m.Status));

        // Failed is final: later rounds leave it alone.
        harness.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
    }

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task TwoDispatchersAtOnce_SendEveryMessageExactlyOnce(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var harness = await MailHarness.StartAsync(provider, sink);
        for (var i = 1; i <= 24; i++)
        {
            await harness.AssignAsync($"县级任务{i}", new Recipient($"county{i}@zj.gov.cn", $"县{i}"));
        }
        var first = harness.DispatcherWith(harness.Sender);
        var second = harness.DispatcherWith(harness.Sender);

        var tried = await Task.WhenAll(Task.Run(() => first.DispatchAsync(50)), Task.Run(() => second.DispatchAsync(50)));

        Assert.Equal(24, tried.Sum());
        var received = await sink.WaitForMessagesAsync(24, Timeout);
        await Task.Delay(300);
        Assert.Equal(24, sink.ReceivedMessages().Count);
        Assert.Equal(24, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await harness.OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }
}
