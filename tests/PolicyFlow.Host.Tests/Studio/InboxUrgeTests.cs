using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>
/// 批量催办 from the inbox (the demo administrator holds <c>task.urge</c>): select overdue tasks, read who will be told, send;
/// each task gets one urge notice in the outbox, and urging one of them again the same day is refused with the reason.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class InboxUrgeTests(StudioHost host) : StudioTest(host)
{
    private static readonly string[] Agencies = ["jx-330102", "kj-330000", "rlsb-330000", "jx-330100"];

    [Fact]
    public async Task SelectedOverdueTasks_AreUrgedAfterAPreview_OneNoticeEach_AndASecondUrgeTheSameDayIsRefused()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(Overdue($"urge-{tag}", tag));
        var instance = await Host.LaunchAsync($"urge-{tag}");
        var tasks = (await Host.GetObjectAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray()
            .ToDictionary(t => t!["title"]!.GetValue<string>(), t => t!["id"]!.GetValue<Guid>());
        Assert.Equal(4, tasks.Count);

        await OpenAsync($"/tasks?q={tag}&light=Red");
        await Assertions.Expect(Page.GetByTestId("inbox-total")).ToHaveTextAsync("共 4 项");
        await Assertions.Expect(Page.GetByTestId("batch-urge")).ToBeDisabledAsync(); // nothing selected yet
        foreach (var n in new[] { 1, 2, 3 })
        {
            await Row(Title(tag, n)).Locator("input[type=checkbox]").CheckAsync();
        }
        await Assertions.Expect(Page.GetByTestId("batch-urge")).ToHaveTextAsync("批量催办（3）");
        await Page.GetByTestId("batch-urge").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("urge-preview")).ToContainTextAsync("将向 3 个单位发出 3 条催办通知；0 项今天已催办，不再重复。");
        await Assertions.Expect(Page.GetByTestId("urge-agencies")).ToContainTextAsync("上城区经信局（1）");
        await Assertions.Expect(Page.GetByTestId("urge-agencies")).Not.ToContainTextAsync("杭州市经信局");
        await Page.GetByTestId("urge-message").FillAsync("请于本周内报送落实情况");
        await ScreenshotAsync("inbox-urge-preview-zh-CN");
        await Page.GetByTestId("urge-confirm").ClickAsync();
        await Assertions.Expect(Page.GetByText("已催办 3 项，0 项被拒（今天已催办）")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("urge-preview")).ToHaveCountAsync(0);
        Assert.Equal(new[] { 1, 1, 1, 0 }, await UrgeNoticesAsync(tasks, tag));

        // The third again with the fourth: the preview says one is skipped, and the send refuses it with why.
        foreach (var n in new[] { 3, 4 })
        {
            await Row(Title(tag, n)).Locator("input[type=checkbox]").CheckAsync();
        }
        await Page.GetByTestId("batch-urge").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("urge-preview")).ToContainTextAsync("将向 1 个单位发出 1 条催办通知；1 项今天已催办，不再重复。");
        await Page.GetByTestId("urge-confirm").ClickAsync();
        await Assertions.Expect(Page.GetByText("已催办 1 项，1 项被拒（今天已催办）")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("每个任务每天最多催办一次", new() { Exact = false })).ToBeVisibleAsync();
        await ScreenshotAsync("inbox-urge-refused-zh-CN");
        Assert.Equal(new[] { 1, 1, 1, 1 }, await UrgeNoticesAsync(tasks, tag));
        var history = (await Host.GetObjectAsync($"/api/tasks/{tasks[Title(tag, 3)]}"))["history"]!.AsArray();
        Assert.Single(history, h => h!["kind"]!.GetValue<string>() == "Urged");

        await Page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Row(Title(tag, 1)).Locator("input[type=checkbox]").CheckAsync();
        await Page.GetByTestId("batch-urge").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("urge-preview")).ToContainTextAsync("1 already urged today are skipped.");
        await Assertions.Expect(Page.GetByTestId("urge-confirm")).ToBeDisabledAsync();
        await ScreenshotAsync("inbox-urge-preview-en");
    }

    private ILocator Row(string title) => Page.Locator("[data-testid=inbox] tbody tr", new() { HasTextString = title });

    private static string Title(string tag, int n) => $"逾期落实 {tag}-{n}";

    /// <summary>
    /// For tasks 1–4 in that order, how many urge notices each of its agency's recipients has in the outbox (the most any
    /// one has; 0 when none has one): 1 means every recipient was told once.
    /// </summary>
    private async Task<int[]> UrgeNoticesAsync(Dictionary<string, Guid> tasks, string tag)
    {
        var outbox = (await Host.GetObjectAsync("/api/outbox?take=500"))["items"]!.AsArray()
            .Where(m => m!["kind"]!.GetValue<string>() == "Urge")
            .Select(m => (Task: m!["taskId"]?.GetValue<Guid>(), To: m["to"]!.GetValue<string>())).ToList();
        return [.. Enumerable.Range(1, 4).Select(n => outbox.Where(m => m.Task == tasks[Title(tag, n)]).GroupBy(m => m.To)
            .Select(g => g.Count()).DefaultIfEmpty(0).Max())];
    }

    /// <summary>Four tasks of four agencies, all overdue since 2020 (red).</summary>
    private static string Overdue(string id, string tag)
    {
        var tasks = string.Join(",\n", Agencies.Select((a, i) =>
            $$"""{ "id": "t{{i + 1}}", "type": "HumanTask", "properties": { "title": "{{Title(tag, i + 1)}}", "assignee": "{{a}}", "dueAt": "2020-01-01T17:00:00+08:00" } }"""));
        var connections = string.Join(",\n", Agencies.Select((_, i) =>
            $$"""{ "from": "fork", "outcome": "B{{i + 1}}", "to": "t{{i + 1}}" }, { "from": "t{{i + 1}}", "outcome": "Done", "to": "join" }"""));
        return $$"""
        {
          "id": "{{id}}", "name": "逾期催办 {{tag}}",
          "activities": [ { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" }, {{tasks}},
            { "id": "join", "type": "Join" }, { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "fork" }, {{connections}},
            { "from": "join", "outcome": "Done", "to": "end" } ]
        }
        """;
    }
}
