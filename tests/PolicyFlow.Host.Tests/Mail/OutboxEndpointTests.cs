using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Outbox;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>The outbox list the Studio's outbox page and <c>GET /api/outbox</c> read: status, attempts and the server's answer, newest first.</summary>
public sealed class OutboxEndpointTests
{
    [Fact]
    public async Task OutboxList_ShowsEachMessagesStatusAndTheServersAnswer_NewestFirst_FilteredByStatusAndRecipient()
    {
        await using var sink = await SmtpSink.StartNewAsync("nobody@zj.gov.cn");
        await using var harness = await MailHarness.StartAsync("Sqlite", sink);
        await harness.AssignAsync("任务一", new Recipient("first@zj.gov.cn", "甲单位"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.AssignAsync("任务二", new Recipient("nobody@zj.gov.cn", "不存在的单位"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.AssignAsync("任务三", new Recipient("third@zj.gov.cn", "丙单位"));
        await harness.Dispatcher.DispatchAsync(50);
        var outbox = new OutboxList(harness.Db, new UseCaseAudit(new AccountsDb(harness.Db), harness.Clock, new HttpContextAccessor(),
            NullLogger<UseCaseAudit>.Instance));
        var admin = new Caller("admin", new HashSet<string> { Roles.Administrator }, "");

        var all = await outbox.HandleAsync(admin, new OutboxList.Request());
        var failed = await outbox.HandleAsync(admin, new OutboxList.Request(OutboxStatus.Failed));
        var byAddress = await outbox.HandleAsync(admin, new OutboxList.Request(To: "third", Take: 1));

        Assert.Equal(3, all.Total);
        Assert.Equal(["third@zj.gov.cn", "nobody@zj.gov.cn", "first@zj.gov.cn"], all.Items.Select(i => i.To));
        var rejected = Assert.Single(failed.Items);
        Assert.Equal((OutboxStatus.Failed, "TaskAssigned", 1), (rejected.Status, rejected.Kind, rejected.Attempts));
        Assert.Contains("550", rejected.LastError, StringComparison.Ordinal);
        Assert.StartsWith("<TaskAssigned.", rejected.MessageId, StringComparison.Ordinal);
        Assert.Equal("【任务交办】任务二", rejected.Subject);
        var sent = Assert.Single(byAddress.Items);
        Assert.Equal((OutboxStatus.Sent, 1), (sent.Status, byAddress.Total));
        Assert.NotNull(sent.SentAt);
    }
}
