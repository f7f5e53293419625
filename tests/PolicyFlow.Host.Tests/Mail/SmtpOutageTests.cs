using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>The mail server away, the host dying mid-send: no state change is lost and no email is lost or doubled.</summary>
public sealed class SmtpOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task SmtpServerDownWhileTasksAreAssigned_StateChangesCommit_AndEveryEmailIsDeliveredOnceWhenItReturns(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await sink.StopAsync();
        await using var harness = await MailHarness.StartAsync(provider, sink);
        var addresses = new[] { "hangzhou@zj.gov.cn", "ningbo@zj.gov.cn", "wenzhou@zj.gov.cn", "jiaxing@zj.gov.cn" };
        foreach (var address in addresses)
        {
            await harness.AssignAsync("组织实施卓越工程师培养工程", new Recipient(address, "市经信局"));
        }

        Assert.Equal(4, await harness.Dispatcher.DispatchAsync(50));

        Assert.Equal(4, (await harness.TasksAsync()).Count(t => t.Status == WorkTaskStatus.Open));
        var waiting = await harness.OutboxAsync();
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Contains($"{sink.Host}:{sink.Port}", m.LastError);
            Assert.Equal(harness.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), m.NextAttemptAt);
        });

        await sink.StartAsync();
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(4, await harness.Dispatcher.DispatchAsync(50));

        var received = await sink.WaitForMessagesAsync(4, Timeout);
        Assert.Equal(addresses.Order(), received.SelectMany(m => m.EnvelopeRecipients).Order());
        Assert.Equal(waiting.Select(m => m.MessageId).Order(), received.Select(m => $"<{m.MessageId}>").Order());
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        await Task.Delay(300);
        Assert.Equal(4, sink.ReceivedMessages().Count);
        Assert.All(await harness.OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (m.Status, m.Attempts, m.LastError)));
    }

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task CrashBetweenSendingAndMarkingSent_ResendsOnceAfterTheLease_WithTheSameMessageId(string provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var harness = await MailHarness.StartAsync(provider, sink);
        await harness.AssignAsync("报送年度落实情况", new Recipient("kjt@zj.gov.cn", "省科技厅"));
        using var process = new CancellationTokenSource();
        var dying = harness.DispatcherWith(new CrashAfterSendSender(harness.Sender, process));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.DispatchAsync(50, process.Token));

        var claimed = Assert.Single(await harness.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 1), (claimed.Status, claimed.Attempts));
        // Another host (or the restarted one) leaves it alone while the lease holds…
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
        // …and sends it once more after the lease.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(50));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));

        var received = await sink.WaitForMessagesAsync(2, Timeout);
        await Task.Delay(300);
        Assert.Equal(2, sink.ReceivedMessages().Count);
        Assert.All(received, m => Assert.Equal(claimed.MessageId, $"<{m.MessageId}>"));
        var sent = Assert.Single(await harness.OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task ServerThatNeverComesBack_BacksOffExponentiallyCappedAtAnHour_ThenMarksTheMessageFailed()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await sink.StopAsync();
        await using var harness = await MailHarness.StartAsync("Sqlite", sink);
        await harness.AssignAsync("报送统计数据", new Recipient("tjj@zj.gov.cn", "省统计局"));
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.Equal(1, await harness.Dispatcher.DispatchAsync(50));
            var row = Assert.Single(await harness.OutboxAsync());
            waits.Add(row.NextAttemptAt - harness.Clock.GetUtcNow());
            harness.Clock.Advance(waits[^1]);
        }

        var failed = Assert.Single(await harness.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 10), (failed.Status, failed.Attempts));
        Assert.NotNull(failed.LastError);
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60, 0], waits.Select(w => (int)w.TotalMinutes));
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(50));
    }
}
