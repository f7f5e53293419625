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

        // The page as the server first sends it, before any script runs: the first page of tasks is in it, with its links.
        var prerendered = await (await Page.APIRequest.GetAsync($"/tasks?q={tag}")).TextAsync();
        Assert.Contains($"制定实施方案 {tag}", prerendered, StringComparison.Ordinal);
        Assert.Contains($"配合落实 {tag}", prerendered, StringComparison.Ordinal);
        Assert.Contains("共 2 项", prerendered, StringComparison.Ordinal);
        Assert.Matches("href=\"/tasks/[0-9a-f-]+\" class=\"pf-task-link\"", prerendered);

        // Filtered to this test's agencies: the seed policy's own tasks fill the first pages of the inbox.
        await OpenAsync($"/tasks?q={tag}");
        await Assertions.Expect(Page.GetByText($"制定实施方案 {tag}")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText($"配合落实 {tag}")).ToBeVisibleAsync();
        Assert.Equal(["全选", "任务名称", "承办单位", "落实措施", "办理期限", "预警", "状态"], await HeadersAsync("inbox")); // 全选: the selection box for batch signing
        Assert.Equal("zh-CN", await Page.GetAttributeAsync("html", "lang"));
        // The due date shows in Asia/Shanghai: 2099-12-31T17:00+08:00 reads 17:00, not 09:00 UTC.
        await Assertions.Expect(Page.Locator("tr", new() { HasText = $"制定实施方案 {tag}" })).ToContainTextAsync("2099-12-31 17:00");
        await ScreenshotAsync("inbox-zh");

        await Page.GetByTestId("culture-en").ClickAsync();
        // The URL is the same before and after the reload, so wait for the English document itself.
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Page.WaitForURLAsync($"**/tasks?q={tag}");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal(["Title", "Assignee", "Measure", "Due", "Light", "Status"], (await HeadersAsync("inbox")).Skip(1));
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Instances" })).ToBeVisibleAsync();
        await ScreenshotAsync("inbox-en");

        await Page.GetByTestId("culture-zh").ClickAsync();
        // The English page is interactive too until the reload replaces it: wait for the Chinese document first.
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        Assert.Equal("任务名称", (await HeadersAsync("inbox"))[1]);
    }

    [Fact]
    public async Task Inbox_FiltersInTheDatabase_AndSignsSelectedTasksInOneGo()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"batch-{tag}", tag));
        var instance = await Host.LaunchAsync($"batch-{tag}");

        // The assignee filter is exact, in the API and in the Studio alike; q searches titles.
        Assert.Equal(0, (await Host.GetObjectAsync($"/api/tasks?assignee={tag}"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await Host.GetObjectAsync($"/api/tasks?assignee={Uri.EscapeDataString($"省经信厅-{tag}")}"))["total"]!.GetValue<int>());
        Assert.Equal(2, (await Host.GetObjectAsync($"/api/tasks?q={tag}"))["total"]!.GetValue<int>());
        var refused = await Host.Api.GetAsync("/api/tasks?light=Purple");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);

        await OpenAsync($"/tasks?q={tag}");
        await Assertions.Expect(Page.GetByTestId("inbox-total")).ToHaveTextAsync("共 2 项");
        // Only 配合落实 has no due date: within 30 days keeps neither (制定实施方案 is due in 2099).
        await SelectAsync("到期时间", "30 天内到期（含逾期）");
        await Assertions.Expect(Page.GetByTestId("inbox-total")).ToHaveTextAsync("共 0 项");
        // A saved view keeps the filters on the server, for this user, and brings them back.
        await Page.GetByLabel("视图名称").FillAsync($"三十天 {tag}");
        await Page.GetByTestId("view-save").ClickAsync();
        await Assertions.Expect(Page.GetByText($"已保存视图：三十天 {tag}")).ToBeVisibleAsync();
        var views = await Host.GetArrayAsync("/api/tasks/views");
        var saved = views.Single(v => v!["name"]!.GetValue<string>() == $"三十天 {tag}")!;
        Assert.Equal(30, saved["filter"]!["dueWithinDays"]!.GetValue<int>());
        Assert.Equal(tag, saved["filter"]!["query"]!.GetValue<string>());
        await SelectAsync("到期时间", "全部");
        await Assertions.Expect(Page.GetByTestId("inbox-total")).ToHaveTextAsync("共 2 项");
        await SelectAsync("常用视图", $"三十天 {tag}");
        await Assertions.Expect(Page.GetByTestId("inbox-total")).ToHaveTextAsync("共 0 项");
        await SelectAsync("到期时间", "全部");
        await SelectAsync("排序", "按任务名称");
        await Assertions.Expect(Page.Locator("[data-testid=inbox] tbody tr").First).ToContainTextAsync($"制定实施方案 {tag}");

        await Page.Locator("[data-testid=inbox] thead input[type=checkbox]").CheckAsync();
        await Assertions.Expect(Page.GetByTestId("batch-claim")).ToHaveTextAsync("批量签收（2）");
        await ScreenshotAsync("inbox-batch-zh");
        await Page.GetByTestId("batch-claim").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=inbox] tbody [data-status=Claimed]")).ToHaveCountAsync(2);

        var tasks = (await Host.GetObjectAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray();
        Assert.All(tasks, t => Assert.Equal("Claimed", t!["status"]!.GetValue<string>()));
        Assert.All(tasks, t => Assert.Equal("admin", t!["claimedBy"]!.GetValue<string>()));
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
