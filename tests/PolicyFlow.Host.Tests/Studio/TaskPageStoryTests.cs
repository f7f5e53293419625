using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The task page as the assignee reads it: the measure it implements, the evidence round trip, the history in words.</summary>
[Collection(StudioCollection.Name)]
public sealed class TaskPageStoryTests(StudioHost host) : StudioTest(host)
{
    private static readonly byte[] Evidence = Encoding.UTF8.GetBytes("培训记录：2024年9月举办卓越工程师培训班 2 期，参训 86 人。\n");

    [Fact]
    public async Task TaskPage_ShowsTheMeasure_RoundTripsEvidence_AndTellsTheHistoryInWords()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.MeasureStep($"story-{tag}", tag));
        var instance = await Host.LaunchAsync($"story-{tag}");
        var first = await OpenTaskIdAsync(instance, "co");

        await OpenAsync($"/tasks/{first}");
        await Assertions.Expect(Page.GetByTestId("policy-number")).ToHaveTextAsync("浙经信人事〔2024〕151号");
        await Assertions.Expect(Page.GetByTestId("measure-title")).ToContainTextAsync("将工信领域卓越工程师与省级认定体系融合接轨");
        await Assertions.Expect(Page.GetByTestId("measure-body")).Not.ToBeEmptyAsync();
        var detail = await Host.GetObjectAsync($"/api/tasks/{first}");
        var lead = detail["measure"]!["lead"]!["name"]!.GetValue<string>();
        var co = detail["measure"]!["coAgencies"]![0]!["name"]!.GetValue<string>();
        Assert.NotEqual("jx-330000", lead);
        await Assertions.Expect(Page.GetByTestId("lead")).ToHaveTextAsync(lead);
        await Assertions.Expect(Page.GetByTestId("co-agencies")).ToHaveTextAsync(co);
        await Assertions.Expect(Page.GetByTestId("assignee")).ToHaveTextAsync(co); // the co-agency's own step, by name
        await Assertions.Expect(Page.GetByTestId("days-left")).ToContainTextAsync("个工作日");
        await Assertions.Expect(Page.GetByTestId("extension")).ToHaveTextAsync("未申请");
        await Assertions.Expect(Page.Locator(".pf-json")).ToHaveCountAsync(0); // no raw JSON, no engine journal
        Assert.Null(detail["data"]);

        await Page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(Line("Claimed")).ToBeVisibleAsync();
        await Page.GetByLabel("进展情况").FillAsync("材料收集中");
        await Page.GetByLabel("完成比例 %").FillAsync("30");
        await Page.GetByTestId("progress").ClickAsync();
        await Assertions.Expect(Line("Progress")).ToContainTextAsync("报告进度 30%：“材料收集中”");

        await Page.GetByTestId("evidence").Locator("input[type=file]").Last
            .SetInputFilesAsync(new FilePayload { Name = "落实情况.txt", MimeType = "text/plain", Buffer = Evidence });
        var link = Page.GetByTestId("attachment-link");
        await Assertions.Expect(link).ToHaveTextAsync("落实情况.txt");
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("落实情况.txt", download.SuggestedFilename);
        Assert.Equal(Evidence, await File.ReadAllBytesAsync(await download.PathAsync()));

        // A file whose content is not what its name says is refused on the page, and nothing is stored.
        await Page.GetByTestId("evidence").Locator("input[type=file]").Last
            .SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Evidence });
        await Assertions.Expect(Page.GetByTestId("evidence-error")).ToContainTextAsync("不是允许的文件类型");
        await Assertions.Expect(Page.GetByTestId("attachment-link")).ToHaveCountAsync(1);

        await Page.GetByLabel("办理意见").FillAsync("已落实，材料见附件");
        await Page.GetByTestId("complete").ClickAsync();
        await Page.WaitForURLAsync("**/tasks");

        // The lead returns it with a reason; the step comes back as round 2, then is urged and extended.
        var review = await OpenTaskIdAsync(instance, "review");
        (await Host.Api.PostAsJsonAsync($"/api/tasks/{review}/return", new { comment = "请补充培训签到表" })).EnsureSuccessStatusCode();
        var second = await OpenTaskIdAsync(instance, "co");
        Assert.NotEqual(first, second);
        (await Host.Api.PostAsJsonAsync($"/api/tasks/{second}/urge", new { message = "请抓紧补充材料" })).EnsureSuccessStatusCode();
        var dueDay = DateOnly.Parse((await Host.GetObjectAsync($"/api/tasks/{second}"))["due"]!["dueDay"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var extendedTo = dueDay.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The co-agency asks; nobody decides their own request, so the administrator decides it.
        using var coAgency = new HttpClient { BaseAddress = Host.BaseAddress };
        await PolicyFlowAccounts.SignInAsync(coAgency, "rcb-330000");
        var asked = await coAgency.PostAsJsonAsync($"/api/tasks/{second}/extensions", new { newDueDate = extendedTo, reason = "签到表在档案室，需调阅" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var request = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await Host.Api.PostAsJsonAsync($"/api/tasks/{second}/extensions/{request}/decision", new { approve = true })).EnsureSuccessStatusCode();

        await OpenAsync($"/tasks/{second}");
        await Assertions.Expect(Page.GetByTestId("extension")).ToHaveTextAsync($"延期已批准，期限调整至 {extendedTo}");
        var kinds = await Page.GetByTestId("history-line").EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.kind)");
        Assert.Equal(["Assigned", "Claimed", "Progress", "Attached", "Submitted", "Returned", "Assigned", "Urged", "ExtensionRequested", "ExtensionApproved"], kinds);
        await Assertions.Expect(Line("Returned")).ToContainTextAsync("退回重办：“请补充培训签到表”");
        await Assertions.Expect(Line("Urged")).ToContainTextAsync("催办：“请抓紧补充材料”");
        await Assertions.Expect(Line("ExtensionApproved")).ToContainTextAsync($"延期获批至 {extendedTo}");
        await Assertions.Expect(Line("Submitted")).ToContainTextAsync("提交：“已落实，材料见附件”");
        await Assertions.Expect(Page.GetByTestId("history-line").First).Not.ToContainTextAsync("system");
        await Page.GetByTestId("comment-add").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("comment-error")).ToContainTextAsync("请填写意见内容");
        await Page.GetByLabel("写下意见").FillAsync("签到表是否需要加盖公章？");
        await Page.GetByTestId("comment-add").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("comment-line")).ToContainTextAsync("签到表是否需要加盖公章？");
        await ScreenshotAsync("task-page-story-zh");

        // The same lines from the API, typed.
        var history = (await Host.GetObjectAsync($"/api/tasks/{second}"))["history"]!.AsArray();
        Assert.Equal("请补充培训签到表", history.Single(h => h!["kind"]!.GetValue<string>() == "Returned")!["text"]!.GetValue<string>());
        Assert.Equal(30, history.Single(h => h!["kind"]!.GetValue<string>() == "Progress")!["percent"]!.GetValue<int>());

        await Page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(Line("Returned")).ToContainTextAsync("Returned for rework: “请补充培训签到表”");
        await Assertions.Expect(Page.GetByTestId("extension")).ToHaveTextAsync($"Extension approved to {extendedTo}");
        await ScreenshotAsync("task-page-story-en");

        // The submitted round is closed: its evidence still downloads, but nothing more can be uploaded to it.
        await OpenAsync($"/tasks/{first}");
        await Assertions.Expect(Page.GetByTestId("attachment-link")).ToHaveTextAsync("落实情况.txt");
        await Assertions.Expect(Page.GetByTestId("evidence-upload")).ToHaveCountAsync(0);
    }

    private ILocator Line(string kind) => Page.Locator($"[data-testid=history-line][data-kind={kind}]").Last;

    private async Task<Guid> OpenTaskIdAsync(Guid instance, string activity)
    {
        var tasks = await Host.GetObjectAsync($"/api/tasks?instanceId={instance}");
        return tasks["items"]!.AsArray().Single(t => t!["activityId"]!.GetValue<string>() == activity)!["id"]!.GetValue<Guid>();
    }
}
