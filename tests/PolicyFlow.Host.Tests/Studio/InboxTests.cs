using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class InboxTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task Inbox_ShowsLaunchedTasksInChineseByDefault_AndInEnglishAfterSwitching()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"inbox-{tag}", tag));
        await Host.LaunchAsync($"inbox-{tag}");

        // Filtered to this test's agencies: the seed policy's own tasks fill the first pages of the inbox.
        await OpenAsync($"/tasks?assignee={tag}");
        await Assertions.Expect(Page.GetByText($"制定实施方案 {tag}")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText($"配合落实 {tag}")).ToBeVisibleAsync();
        Assert.Equal(["任务名称", "承办单位", "办理期限", "预警", "状态"], await HeadersAsync("inbox"));
        Assert.Equal("zh-CN", await Page.GetAttributeAsync("html", "lang"));
        // The due date shows in Asia/Shanghai: 2099-12-31T17:00+08:00 reads 17:00, not 09:00 UTC.
        await Assertions.Expect(Page.Locator("tr", new() { HasText = $"制定实施方案 {tag}" })).ToContainTextAsync("2099-12-31 17:00");
        await ScreenshotAsync("inbox-zh");

        await Page.GetByTestId("culture-en").ClickAsync();
        // The URL is the same before and after the reload, so wait for the English document itself.
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Page.WaitForURLAsync($"**/tasks?assignee={tag}");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal(["Title", "Assignee", "Due", "Light", "Status"], await HeadersAsync("inbox"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Instances" })).ToBeVisibleAsync();
        await ScreenshotAsync("inbox-en");

        await Page.GetByTestId("culture-zh").ClickAsync();
        // The English page is interactive too until the reload replaces it: wait for the Chinese document first.
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal("任务名称", (await HeadersAsync("inbox"))[0]);
    }

    [Fact]
    public async Task Dashboard_CountsOpenTasksAndRunningInstances()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"dash-{tag}", tag));
        await Host.LaunchAsync($"dash-{tag}");

        await OpenAsync("/");
        await Assertions.Expect(Page.GetByTestId("page-title")).ToHaveTextAsync("工作台");
        await Assertions.Expect(Page.GetByText("我的待办")).ToBeVisibleAsync();
        var open = int.Parse(await Page.Locator(".pf-stat-value").First.InnerTextAsync());
        Assert.True(open >= 2, $"dashboard shows {open} open tasks");
        await ScreenshotAsync("dashboard");
    }
}
