using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Host.Application.Notifications;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Tests.Mail;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// 站内通知: every emailed notice has its Studio copy, written in the outbox message's transaction — once per message, none
/// when the transaction rolls back — listed once per cause to the agency's people and to the addressee, read per person.
/// </summary>
public sealed class NotificationTests
{
    private static readonly Caller Clerk = new("clerk-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");
    private static readonly Caller Colleague = new("mate-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");
    private static readonly Caller Leader = new("leader", new HashSet<string> { Roles.Leadership }, "");
    private static readonly Caller Stranger = new("kj-330000", new HashSet<string> { Roles.AgencyStaff }, "kj-330000");

    [Theory]
    [ClassData(typeof(Databases))]
    public async Task EveryEmailedNotice_AppearsOnceInTheRecipientsList_AndIsReadPerPerson(string provider)
    {
        await using var harness = await MailHarness.StartAsync(provider, sink: null);
        var accounts = new AccountsDb(harness.Db);
        await accounts.MigrateAsync();
        await AddUsersAsync(accounts);
        var inbox = new NotificationInbox(harness.Db, accounts);
        var mark = new MarkNotificationRead(harness.Db, inbox, harness.Clock);

        var mailbox = new Recipient("jx-330102@zj.gov.cn", "上城区经信局", AgencyId: "jx-330102");
        var clerk = new Recipient("Clerk@SC.gov.cn", "张三", AgencyId: "jx-330102");
        var task = await harness.AssignAsync("配合落实：卓越工程师培养", mailbox);
        // The same cause again (a retried job, a second host) writes neither a second email nor a second notice.
        await harness.EnqueueAsync(NotificationKind.TaskAssigned, mailbox, Model(task.Id), $"assigned:{task.Id}");
        // One cause to the agency's mailbox and to its clerk: two emails, one line in each person's list.
        await harness.Engine.InTransactionAsync("test", work =>
        {
            harness.Writer.Enqueue(work, NotificationKind.Urge, [mailbox, clerk], Model(task.Id), $"urge:{task.Id}");
            return Task.FromResult(true);
        }, CancellationToken.None);
        await harness.EnqueueAsync(NotificationKind.Escalation, new Recipient("leader@zj.gov.cn", "领导"), Model(task.Id), $"escalation:{task.Id}");

        // A transaction that fails after writing its notice leaves neither the email nor the notice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Engine.InTransactionAsync<bool>("test", work =>
        {
            harness.Writer.Enqueue(work, NotificationKind.Returned, mailbox, Model(task.Id), $"returned:{task.Id}");
            throw new InvalidOperationException("crash after the notice was written");
        }, CancellationToken.None));

        Assert.Equal(4, (await harness.OutboxAsync()).Count);
        await using (var db = harness.Db.Create())
        {
            Assert.Equal(4, await db.Notices.CountAsync());
            Assert.Equal(0, await db.Notices.CountAsync(n => n.Kind == nameof(NotificationKind.Returned)));
        }

        var clerkList = await inbox.HandleAsync(Clerk, new NotificationInbox.Request());
        Assert.Equal(2, clerkList.Total);
        Assert.Equal(2, clerkList.Unread);
        Assert.Equal([nameof(NotificationKind.Urge), nameof(NotificationKind.TaskAssigned)], clerkList.Items.Select(i => i.Kind));
        Assert.All(clerkList.Items, i => Assert.Equal(task.Id, i.TaskId));
        Assert.Contains("配合落实：卓越工程师培养", clerkList.Items[1].Subject + clerkList.Items[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, (await inbox.HandleAsync(Colleague, new NotificationInbox.Request())).Total); // a colleague without an address of their own
        Assert.Equal([nameof(NotificationKind.Escalation)], (await inbox.HandleAsync(Leader, new NotificationInbox.Request())).Items.Select(i => i.Kind));
        Assert.Equal(0, (await inbox.HandleAsync(Stranger, new NotificationInbox.Request())).Total);

        var urge = clerkList.Items[0].Id;
        Assert.True(await mark.HandleAsync(Clerk, urge));
        Assert.False(await mark.HandleAsync(Clerk, urge)); // again: nothing changes
        Assert.Equal(1, await inbox.UnreadCountAsync(Clerk));
        Assert.Equal(2, await inbox.UnreadCountAsync(Colleague)); // read per person
        var unread = await inbox.HandleAsync(Clerk, new NotificationInbox.Request(UnreadOnly: true));
        Assert.Equal([nameof(NotificationKind.TaskAssigned)], unread.Items.Select(i => i.Kind));
        Assert.False(await mark.HandleAsync(Stranger, urge)); // not theirs: nothing changes, for them or for the clerk
        Assert.Equal(0, (await inbox.HandleAsync(Stranger, new NotificationInbox.Request())).Total);
        Assert.Equal(1, await mark.AllAsync(Clerk));
        Assert.Equal(0, await inbox.UnreadCountAsync(Clerk));
    }

    private static NotificationModel Model(Guid taskId) => new()
    {
        TaskId = taskId,
        TaskTitle = "配合落实：卓越工程师培养",
        MeasureTitle = "（一）实施卓越工程师培养工程",
        PolicyTitle = "关于加快建设卓越工程师队伍的若干措施",
        AgencyName = "上城区经信局",
    };

    private static async Task AddUsersAsync(AccountsDb accounts)
    {
        await using var db = accounts.Create();
        db.Users.AddRange(
            new PolicyFlowUser { UserName = Clerk.UserName, NormalizedUserName = Clerk.UserName.ToUpperInvariant(), Email = "clerk@sc.gov.cn", AgencyId = "jx-330102" },
            new PolicyFlowUser { UserName = Colleague.UserName, NormalizedUserName = Colleague.UserName.ToUpperInvariant(), AgencyId = "jx-330102" },
            new PolicyFlowUser { UserName = Leader.UserName, NormalizedUserName = "LEADER", Email = "Leader@zj.gov.cn", AgencyId = "" },
            new PolicyFlowUser { UserName = Stranger.UserName, NormalizedUserName = "KJ-330000", Email = "kj@zj.gov.cn", AgencyId = "kj-330000" });
        await db.SaveChangesAsync();
    }
}
