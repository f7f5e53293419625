using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>督查督办 in Chromium: the matrix with its lights and the drill-down to a city's counties, the overdue list with 催办,
/// the ranking with its rules and the trend — screenshots in zh-CN and en.</summary>
[Collection(StudioCollection.Name)]
public sealed class SupervisionPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task Leadership_SeesTheMatrix_DrillsIntoACity_UrgesAnOverdueTask_AndReadsTheRanking()
    {
        await CascadeMeasureAsync(3);
        await LaunchOverdueStepAsync();
        await OpenAsync("/supervision");
        var matrix = Page.Locator("[data-testid=matrix]");
        await Assertions.Expect(matrix.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(matrix.Locator("tr[data-measure='3'] td[data-light]").First).ToBeVisibleAsync();
        var headers = await HeadersAsync("matrix");
        Assert.Contains("杭州市", headers);
        Assert.Contains("丽水市", headers);
        await ScreenshotAsync("supervision-matrix-zh-CN");

        await Page.Locator("[data-testid=city-330100]").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=matrix] thead th[data-column='330102']")).ToHaveTextAsync("上城区");
        await ScreenshotAsync("supervision-matrix-city-zh-CN");
        await Page.Locator("[data-testid=matrix-back]").ClickAsync();

        // The step due on 2025-01-10 is overdue: the overdue list shows it, and 催办 goes out once a day.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "逾期清单" }).ClickAsync();
        var rows = Page.Locator("[data-testid=overdue-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var first = rows.First;
        await first.Locator("[data-testid=urge]").ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("已发出 1 条催办通知");
        await Assertions.Expect(first.Locator("td").Nth(6)).ToHaveTextAsync("1");
        await first.Locator("[data-testid=urge]").ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-snackbar").Last).ToContainTextAsync("每天最多催办一次");
        await ScreenshotAsync("supervision-overdue-zh-CN");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=ranking-rules] li")).ToHaveCountAsync(8);
        await ScreenshotAsync("supervision-ranking-zh-CN");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "趋势" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=trend-table] tbody tr")).ToHaveCountAsync(6);
        await Page.Locator("[data-testid=trend-chart][data-rendered=true] svg").WaitForAsync();
        await ScreenshotAsync("supervision-trend-zh-CN");

        await Page.GotoAsync("/studio/culture?culture=en&redirect=/supervision");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(Page.Locator("[data-testid=page-title]")).ToHaveTextAsync("Supervision");
        await ScreenshotAsync("supervision-matrix-en");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Overdue list" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=overdue-table] thead")).ToContainTextAsync("Days overdue");
        await ScreenshotAsync("supervision-overdue-en");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Ranking" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=ranking-rules]")).ToContainTextAsync("On-time rate");
        await ScreenshotAsync("supervision-ranking-en");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Trend" }).ClickAsync();
        await Page.Locator("[data-testid=trend-chart][data-rendered=true] svg").WaitForAsync();
        await ScreenshotAsync("supervision-trend-en");
    }

    /// <summary>A step of measure (三) for 杭州市人力社保局, due on a day long past, so the lists have an overdue task.</summary>
    private async Task LaunchOverdueStepAsync()
    {
        var id = $"overdue-{StudioFlows.NewTag()}";
        await Host.PublishAsync($$"""
        { "id": "{{id}}", "name": "{{id}}",
          "variables": [ { "name": "policyId", "type": "string", "default": "p2024-151-d27fde" }, { "name": "measureNo", "type": "integer", "default": 3 },
                         { "name": "measureTitle", "type": "string", "default": "推进卓越工程师评价与职称评审接轨" } ],
          "activities": [ { "id": "start", "type": "Start" },
            { "id": "step", "type": "AssignTask", "properties": { "assignee": "rlsb-330100", "step": "city", "title": "市级落实：职称评审接轨",
              "due": { "at": "2025-01-10" } } },
            { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "step" }, { "from": "step", "outcome": "Done", "to": "end" } ] }
        """);
        await Host.LaunchAsync(id);
    }

    /// <summary>Completes measure <paramref name="number"/>'s plan, so its co-agency, city and county tasks exist.</summary>
    private async Task CascadeMeasureAsync(int number)
    {
        var page = await Host.GetObjectAsync("/api/tasks?take=500");
        var plan = page["items"]!.AsArray().FirstOrDefault(t => t!["facts"]?["measureNo"]?.GetValue<int>() == number && t["facts"]?["step"]?.GetValue<string>() == "plan");
        if (plan is not null)
        {
            var done = await Host.Api.PostAsJsonAsync($"/api/tasks/{plan["id"]}/complete", new JsonObject { ["outcome"] = "Done" });
            Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        }
    }
}
