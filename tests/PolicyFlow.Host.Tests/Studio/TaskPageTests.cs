using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class TaskPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task CompletingATaskFromItsPage_RemovesItFromTheInbox()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"task-{tag}", tag));
        var instance = await Host.LaunchAsync($"task-{tag}");

        await OpenAsync($"/tasks?q={tag}"); // the seed policy's tasks fill the unfiltered inbox
        await Page.GetByRole(AriaRole.Link, new() { Name = $"制定实施方案 {tag}" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("page-title")).ToHaveTextAsync($"制定实施方案 {tag}");
        await Assertions.Expect(Page.GetByTestId("instructions")).ToHaveTextAsync("请于期限内提交实施方案。");

        await Page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("task-facts").GetByText("已签收")).ToBeVisibleAsync();
        await Page.GetByLabel("进展情况").FillAsync("方案初稿已完成");
        await Page.GetByTestId("progress").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("history").GetByText("方案初稿已完成", new() { Exact = false })).ToBeVisibleAsync();
        await Page.GetByLabel("办理意见").FillAsync("方案已报送");
        await ScreenshotAsync("task-page");

        await Page.GetByTestId("complete").ClickAsync();
        await Page.WaitForURLAsync("**/tasks");
        await OpenAsync($"/tasks?q={tag}");
        await Assertions.Expect(Page.GetByText($"配合落实 {tag}")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText($"制定实施方案 {tag}")).ToHaveCountAsync(0);
        await ScreenshotAsync("inbox-after-complete");

        var tasks = await Host.GetObjectAsync($"/api/tasks?instanceId={instance}&all=true");
        var done = tasks["items"]!.AsArray().Single(t => t!["activityId"]!.GetValue<string>() == "a")!;
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("admin", done["completedBy"]!.GetValue<string>());
        Assert.Equal("方案已报送", done["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProgressWithoutANote_ShowsAnErrorInsteadOfFailing()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"note-{tag}", tag));
        await Host.LaunchAsync($"note-{tag}");

        await OpenAsync($"/tasks?q={tag}"); // the seed policy's tasks fill the unfiltered inbox
        await Page.GetByRole(AriaRole.Link, new() { Name = $"配合落实 {tag}" }).ClickAsync();
        await Page.GetByTestId("progress").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("action-error")).ToContainTextAsync("请填写进展情况");
        await Page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("task-facts").GetByText("已签收")).ToBeVisibleAsync();
    }
}
