using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class InstanceViewerTests(StudioHost host) : StudioTest(host)
{
    private const string Green = "#e8f5e9";
    private const string Amber = "#fff4e0";
    private const string Red = "#fdecea";

    [Fact]
    public async Task Viewer_ColoursCompletedActivitiesGreen_AndWaitingOnesAmber()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"view-{tag}", tag));
        var instance = await Host.LaunchAsync($"view-{tag}");
        var tasks = await Host.GetObjectAsync($"/api/tasks?instanceId={instance}");
        var a = tasks["items"]!.AsArray().Single(t => t!["activityId"]!.GetValue<string>() == "a")!["id"]!.GetValue<Guid>();
        (await Host.Api.PostAsync($"/api/tasks/{a}/complete", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await OpenAsync($"/instances/{instance}");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
        await ExpectFillAsync("start", Green);
        await ExpectFillAsync("a", Green);
        await ExpectFillAsync("b", Amber);
        await Assertions.Expect(Page.GetByTestId("journal")).ToContainTextAsync("任务办结");
        await ScreenshotAsync("instance-waiting");
    }

    [Fact]
    public async Task Viewer_ShowsAFaultedActivityRed_WithItsIncidentAndRetry()
    {
        var id = $"broken-{StudioFlows.NewTag()}";
        await Host.PublishAsync(StudioFlows.Broken(id));
        var instance = await Host.LaunchAsync(id);

        await OpenAsync($"/instances/{instance}");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
        await ExpectFillAsync("review", Red);
        await ExpectFillAsync("start", Green);
        await Assertions.Expect(Page.GetByTestId("incident")).ToContainTextAsync("review");
        await Assertions.Expect(Page.GetByTestId("instance-status")).ToContainTextAsync("出错");
        await ScreenshotAsync("instance-faulted");

        // The cause is not fixed, so a retry faults again: the page says so and stays usable.
        await Page.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("journal")).ToContainTextAsync("重试");
        await Assertions.Expect(Page.GetByTestId("incident")).ToBeVisibleAsync();
    }

    private Task ExpectFillAsync(string activityId, string fill) =>
        Assertions.Expect(Page.Locator($"[data-cell-id={activityId}] rect").First).ToHaveAttributeAsync("fill", fill);
}
