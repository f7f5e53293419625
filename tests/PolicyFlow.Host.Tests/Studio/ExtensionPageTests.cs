using System.Globalization;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>
/// 延期 in the Studio, each agency signed in as itself: the co-agency 省人才办 asks on its task page (bad input is refused
/// with the reason and stores nothing), the measure's lead 省经信厅 sees the pending request on the same page and approves
/// it, and the task page shows the new due day. Screenshots zh-CN and en.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ExtensionPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task TheAssigneeAsksInADialog_BadInputIsRefusedAndStoresNothing_TheLeadApproves_AndThePageShowsTheNewDueDay()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.MeasureStep($"ext-{tag}", tag));
        var instance = await Host.LaunchAsync($"ext-{tag}");
        var task = (await Host.GetObjectAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray()
            .Single(t => t!["activityId"]!.GetValue<string>() == "co")!["id"]!.GetValue<Guid>();
        var dueDay = DateOnly.Parse((await Host.GetObjectAsync($"/api/tasks/{task}"))["due"]!["dueDay"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var extendedTo = Day(dueDay.AddDays(10));
        await using var assigneeContext = await SignedInAsync("rcb-330000");
        await using var leadContext = await SignedInAsync("jx-330000");
        var (assignee, lead) = (await assigneeContext.NewPageAsync(), await leadContext.NewPageAsync());

        // The lead reads the task but does not ask; with nothing pending it has nothing to decide either.
        await OpenAsync(lead, $"/tasks/{task}");
        await Assertions.Expect(lead.GetByTestId("task-facts")).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId("extension-panel")).ToHaveCountAsync(0);

        await OpenAsync(assignee, $"/tasks/{task}");
        await assignee.GetByTestId("extension-ask").ClickAsync();
        var dialog = assignee.GetByTestId("extension-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync($"当前办理期限：{Day(dueDay)}");
        // No reason, a day before today, a day beyond the bound: each refused with why, the dialog stays open.
        await assignee.GetByTestId("extension-day").FillAsync(extendedTo);
        await assignee.GetByTestId("extension-send").ClickAsync();
        await Assertions.Expect(assignee.GetByTestId("extension-error")).ToContainTextAsync("请说明延期理由");
        await assignee.GetByTestId("extension-reason").FillAsync("需等待省级认定数据，预计十日内到位");
        await assignee.GetByTestId("extension-day").FillAsync("2020-01-01");
        await assignee.GetByTestId("extension-send").ClickAsync();
        await Assertions.Expect(assignee.GetByTestId("extension-error")).ToContainTextAsync("新的办理期限不能早于今天");
        await assignee.GetByTestId("extension-day").FillAsync(Day(dueDay.AddDays(400)));
        await assignee.GetByTestId("extension-send").ClickAsync();
        await Assertions.Expect(assignee.GetByTestId("extension-error")).ToContainTextAsync("不得超过 366 天");
        await ScreenshotAsync(assignee, "extension-refused-zh-CN");
        Assert.Empty(await Host.GetArrayAsync($"/api/tasks/{task}/extensions"));
        Assert.DoesNotContain((await Host.GetObjectAsync($"/api/tasks/{task}"))["history"]!.AsArray(),
            h => h!["kind"]!.GetValue<string>() == "ExtensionRequested");

        await assignee.GetByTestId("extension-day").FillAsync(extendedTo);
        await assignee.GetByTestId("extension-send").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(assignee.GetByTestId("extension")).ToHaveTextAsync($"已申请延期至 {extendedTo}，待牵头单位审批");
        await Assertions.Expect(assignee.GetByTestId("extension-ask")).ToHaveCountAsync(0); // one request pending at a time
        await Assertions.Expect(assignee.GetByTestId("due")).ToContainTextAsync(Day(dueDay));

        // The lead sees the request, with its reason, and approves it.
        await OpenAsync(lead, $"/tasks/{task}");
        await Assertions.Expect(lead.GetByTestId("extension-pending-reason")).ToHaveTextAsync("理由：需等待省级认定数据，预计十日内到位");
        await Assertions.Expect(lead.GetByTestId("extension-pending")).ToContainTextAsync($"申请延期至 {extendedTo}");
        // The requester as people read them (their agency), not the account's user name.
        await Assertions.Expect(lead.GetByTestId("extension-pending")).ToContainTextAsync("中共浙江省委人才工作领导小组办公室");
        await lead.GetByTestId("extension-comment").FillAsync("同意延期，请按期报送");
        await ScreenshotAsync(lead, "extension-decide-zh-CN");
        await lead.GetByTestId("extension-approve").ClickAsync();
        await Assertions.Expect(lead.GetByTestId("extension")).ToHaveTextAsync($"延期已批准，期限调整至 {extendedTo}");
        await Assertions.Expect(lead.GetByTestId("extension-panel")).ToHaveCountAsync(0);

        // The assignee's page shows the new due day; the API agrees.
        await OpenAsync(assignee, $"/tasks/{task}");
        await Assertions.Expect(assignee.GetByTestId("due")).ToContainTextAsync(extendedTo);
        await Assertions.Expect(assignee.Locator("[data-testid=history-line][data-kind=ExtensionApproved]")).ToContainTextAsync($"延期获批至 {extendedTo}");
        await ScreenshotAsync(assignee, "extension-approved-zh-CN");
        Assert.Equal(extendedTo, (await Host.GetObjectAsync($"/api/tasks/{task}"))["due"]!["dueDay"]!.GetValue<string>());

        await assignee.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(assignee.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await assignee.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(assignee.GetByTestId("extension")).ToHaveTextAsync($"Extension approved to {extendedTo}");
        await assignee.GetByTestId("extension-ask").ClickAsync();
        await Assertions.Expect(assignee.GetByTestId("extension-dialog")).ToContainTextAsync($"Current due day: {extendedTo}");
        await ScreenshotAsync(assignee, "extension-ask-en");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
