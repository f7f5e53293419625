using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class OutboxPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task Outbox_ShowsTheTaskAssignedMailOfALaunchedTask_WithItsStatus()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.AgencyStep($"mail-{tag}", tag));
        await Host.LaunchAsync($"mail-{tag}");
        // Without SMTP the sender drops each mail as an .eml file and marks it Sent; wait until it has had its try.
        // The agency's contact address and its users' (the demo accounts of 省经信厅) each get one.
        var mails = await WaitForMailsAsync(tag, m => m.Any(IsContact) && m.All(x => x!["status"]!.GetValue<string>() != "Pending"));
        var mail = mails.Single(IsContact)!;
        var to = mail["to"]!.GetValue<string>();

        await OpenAsync("/outbox");
        Assert.Equal(["类型", "收件人", "主题", "状态", "尝试次数", "服务器应答", "生成时间", "发送时间"], await HeadersAsync("outbox"));
        await Page.GetByLabel("收件人").FillAsync(to);
        await Page.GetByLabel("收件人").PressAsync("Tab");
        var row = Page.Locator("[data-testid=outbox] tbody tr", new() { HasTextString = $"制定实施方案 {tag}" })
            .Filter(new() { Has = Page.Locator("[data-kind=TaskAssigned]") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("任务交办");
        await Assertions.Expect(row).ToContainTextAsync(to);
        await Assertions.Expect(row.Locator("[data-mail-status]")).ToHaveAttributeAsync("data-mail-status", mail["status"]!.GetValue<string>());
        await Assertions.Expect(row.Locator("[data-mail-status]")).ToHaveTextAsync(mail["status"]!.GetValue<string>() == "Sent" ? "已发送" : "发送失败");
        // Retried until the filtered list has replaced the full one: every recipient left is 省经信厅's contact address.
        await Assertions.Expect(Page.Locator("[data-testid=outbox] tbody tr td:nth-child(2)")
            .Filter(new() { HasNotTextString = to })).ToHaveCountAsync(0);
        await ScreenshotAsync("outbox");

        await SelectAsync("状态", "待发送");
        await Page.GetByTestId("refresh").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.All(await Page.Locator("[data-testid=outbox] [data-mail-status]").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.mailStatus)"),
            s => Assert.Equal("Pending", s));
    }

    private static bool IsContact(JsonNode? mail) => mail!["to"]!.GetValue<string>().StartsWith("jx-330000@agencies.", StringComparison.Ordinal);

    private async Task<List<JsonNode?>> WaitForMailsAsync(string tag, Func<List<JsonNode?>, bool> done)
    {
        var mails = new List<JsonNode?>();
        for (var i = 0; i < 120; i++)
        {
            var page = await Host.GetObjectAsync("/api/outbox?take=500");
            mails = page["items"]!.AsArray().Where(m => m!["kind"]!.GetValue<string>() == "TaskAssigned"
                && m["subject"]!.GetValue<string>().Contains(tag, StringComparison.Ordinal)).ToList();
            if (done(mails))
            {
                return mails;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The TaskAssigned mails for {tag} did not arrive and leave Pending within 60 s: {string.Join(", ", mails)}");
    }
}
