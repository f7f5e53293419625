using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>
/// Review up the hierarchy in the Studio, each agency signed in as itself: 上城区经信局 signs, reports progress and submits;
/// 杭州市经信局 returns it with a reason, the county reads the reason and resubmits, the city accepts; the city reports with
/// 已报 1/13 and the rest marked 未报; 省经信厅 accepts the city's report; the ranking counts the return. Screenshots zh-CN and en.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class HierarchyReviewJourneyTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task ACountysReport_IsReturnedThenAcceptedByItsCity_TheCityReportsWithTheRestMarked_AndTheLeadAccepts()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(Cascaded($"hier-{tag}"));
        var root = await Host.LaunchAsync($"hier-{tag}");
        var hangzhou = await ChildWithTaskOfAsync(root, "jx-330100");
        var shangcheng = await ChildWithTaskOfAsync(hangzhou, "jx-330102");
        await using var countyContext = await SignedInAsync("jx-330102");
        await using var cityContext = await SignedInAsync("jx-330100");
        await using var leadContext = await SignedInAsync("jx-330000");
        var (county, city, lead) = (await countyContext.NewPageAsync(), await cityContext.NewPageAsync(), await leadContext.NewPageAsync());

        // 上城区经信局 signs, reports progress and submits.
        await OpenAsync(county, $"/tasks/{await OpenTaskAsync(shangcheng, "jx-330102")}");
        await county.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=history-line][data-kind=Claimed]")).ToBeVisibleAsync();
        await county.GetByLabel("进展情况").FillAsync("已召开专题会议部署，正在汇总企业工程师名单");
        await county.GetByLabel("完成比例 %").FillAsync("60");
        await county.GetByTestId("progress").ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=history-line][data-kind=Progress]")).ToContainTextAsync("60%");
        await county.GetByLabel("办理意见").FillAsync("已落实，请审核");
        await county.GetByTestId("complete").ClickAsync();
        await county.WaitForURLAsync("**/tasks");

        // 杭州市经信局 sees the submission; a return needs a reason, then goes back with it.
        await OpenAsync(city, $"/tasks/{await OpenTaskAsync(shangcheng, "jx-330100")}");
        await Assertions.Expect(city.GetByTestId("page-title")).ToContainTextAsync("审核上城区落实情况");
        await Assertions.Expect(city.GetByTestId("submission")).ToContainTextAsync("上城区经信局");
        await Assertions.Expect(city.GetByTestId("submission-remark")).ToHaveTextAsync("已落实，请审核");
        await ScreenshotAsync(city, "hierarchy-city-reviews-county-zh-CN");
        await city.GetByTestId("return").ClickAsync();
        await Assertions.Expect(city.GetByTestId("action-error")).ToContainTextAsync("退回重办须写明");
        await city.GetByLabel("办理意见").FillAsync("缺少企业工程师名单，请补充后重报");
        await city.GetByTestId("return").ClickAsync();
        await city.WaitForURLAsync("**/tasks");

        // The county reads why, and submits again.
        await OpenAsync(county, $"/tasks/{await OpenTaskAsync(shangcheng, "jx-330102")}");
        await Assertions.Expect(county.GetByTestId("returned-reason")).ToContainTextAsync("缺少企业工程师名单，请补充后重报");
        await Assertions.Expect(county.Locator("[data-testid=history-line][data-kind=Returned]")).ToContainTextAsync("退回重办：“缺少企业工程师名单，请补充后重报”");
        await ScreenshotAsync(county, "hierarchy-county-returned-zh-CN");
        await county.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(county.Locator("[data-testid=history-line][data-kind=Claimed]").Last).ToBeVisibleAsync();
        await county.GetByLabel("办理意见").FillAsync("已补充企业工程师名单 86 人");
        await county.GetByTestId("complete").ClickAsync();
        await county.WaitForURLAsync("**/tasks");

        // The city accepts it: 已报 1/13 on its own report, which goes up with the other twelve marked 未报.
        await OpenAsync(city, $"/tasks/{await OpenTaskAsync(shangcheng, "jx-330100")}");
        await Assertions.Expect(city.GetByTestId("submission-remark")).ToHaveTextAsync("已补充企业工程师名单 86 人");
        await city.GetByLabel("办理意见").FillAsync("审核通过");
        await city.GetByTestId("complete").ClickAsync();
        await city.WaitForURLAsync("**/tasks");
        await OpenAsync(city, $"/tasks/{await OpenTaskAsync(hangzhou, "jx-330100")}");
        await Assertions.Expect(city.GetByTestId("counties-count")).ToHaveTextAsync("已报 1/13");
        await Assertions.Expect(city.Locator("[data-testid=county][data-state=Reported]")).ToContainTextAsync("上城区经信局");
        await Assertions.Expect(city.Locator("[data-testid=county][data-state=NotReported]")).ToHaveCountAsync(12);
        await Assertions.Expect(city.GetByTestId("counties-note")).ToContainTextAsync("尚未报送的 12 个县（市、区）将标记为“未报”");
        await city.GetByLabel("办理意见").FillAsync("全市已部署落实；上城区已报送，其余12个县（市、区）正在推进。");
        await ScreenshotAsync(city, "hierarchy-city-report-zh-CN");
        await city.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(city.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await city.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(city.GetByTestId("counties-count")).ToHaveTextAsync("Reported 1/13");
        await Assertions.Expect(city.GetByTestId("counties-note")).ToContainTextAsync("the 12 counties that have not reported are marked “Not reported”");
        await ScreenshotAsync(city, "hierarchy-city-report-en");
        await city.GetByTestId("task-actions").GetByTestId("comment").FillAsync("全市已部署落实；上城区已报送，其余12个县（市、区）正在推进。");
        await city.GetByTestId("complete").ClickAsync();
        await city.WaitForURLAsync("**/tasks");

        // 省经信厅 reviews the city's report — with the counties as they stood when it was made — and accepts it.
        await OpenAsync(lead, $"/tasks/{await OpenTaskAsync(hangzhou, "jx-330000")}");
        await Assertions.Expect(lead.GetByTestId("page-title")).ToContainTextAsync("审核杭州市汇总上报");
        await Assertions.Expect(lead.GetByTestId("submission")).ToContainTextAsync("杭州市经信局");
        await Assertions.Expect(lead.GetByTestId("counties-count")).ToHaveTextAsync("已报 1/13");
        await Assertions.Expect(lead.GetByTestId("counties-as-of")).ToContainTextAsync("截至市级上报时");
        await Assertions.Expect(lead.Locator("[data-testid=county][data-state=NotReported]")).ToHaveCountAsync(12);
        await ScreenshotAsync(lead, "hierarchy-lead-reviews-city-zh-CN");
        await lead.GetByLabel("办理意见").FillAsync("审核通过，请督促未报县（市、区）尽快报送。");
        await lead.GetByTestId("complete").ClickAsync();
        await lead.WaitForURLAsync("**/tasks");
        Assert.Empty(await OpenTasksAsync(hangzhou));

        // The ranking counts the county's return (退办) for 上城区 and for 杭州市.
        var month = "/api/reports/ranking?period=month&of=";
        var returns = Returns(await Host.GetObjectAsync(month + "county"), "330102");
        Assert.True(returns >= 1);
        Assert.True(Returns(await Host.GetObjectAsync(month + "city"), "330100") >= 1);
        // The Studio host has other tests' policies too: the page is asked for the seed's.
        await OpenAsync("/supervision?policy=p2024-151-d27fde");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await SelectAsync("排名对象", "县（市、区）");
        var row = Page.Locator("[data-testid=ranking-table] tbody tr[data-key='330102']");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("上城区");
        await Assertions.Expect(row.Locator("td").Nth(7)).ToHaveTextAsync($"{returns}");
        await row.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("hierarchy-ranking-returns-zh-CN");
    }

    private static int Returns(JsonObject ranking, string key) =>
        ranking["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == key)!["returns"]!.GetValue<int>();

    /// <summary>The child instance of <paramref name="parent"/> that has a task of <paramref name="assignee"/>.</summary>
    private async Task<Guid> ChildWithTaskOfAsync(Guid parent, string assignee)
    {
        var children = (await Host.GetObjectAsync($"/api/workflow-instances?parentId={parent}&take=500"))["items"]!.AsArray();
        foreach (var child in children)
        {
            var id = child!["id"]!.GetValue<Guid>();
            if ((await OpenTasksAsync(id)).Any(t => t!["assignee"]!.GetValue<string>() == assignee))
            {
                return id;
            }
        }
        throw new InvalidOperationException($"No child of {parent} has a task of {assignee}.");
    }

    private async Task<List<JsonNode?>> OpenTasksAsync(Guid instance) =>
        [.. (await Host.GetObjectAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray()
            .Where(t => t!["status"]!.GetValue<string>() is "Open" or "Claimed")];

    private async Task<Guid> OpenTaskAsync(Guid instance, string assignee) =>
        (await OpenTasksAsync(instance)).Single(t => t!["assignee"]!.GetValue<string>() == assignee)!["id"]!.GetValue<Guid>();

    /// <summary>Measure (一) of the seed policy, led by 省经信厅 and cascaded with the shipped city and county templates.</summary>
    private static string Cascaded(string id) => $$"""
    {
      "id": "{{id}}", "name": "市县落实 {{id}}",
      "variables": [
        { "name": "policyId", "type": "string", "default": "p2024-151-d27fde" },
        { "name": "documentNumber", "type": "string", "default": "浙经信人事〔2024〕151号" },
        { "name": "measureNo", "type": "integer", "default": 1 },
        { "name": "measureTitle", "type": "string", "default": "将工信领域卓越工程师与省级认定体系融合接轨" },
        { "name": "effectiveAt", "type": "datetime" },
        { "name": "kind", "type": "string", "default": "jx" },
        { "name": "leadAgency", "type": "string", "default": "jx-330000" }
      ],
      "activities": [ { "id": "start", "type": "Start" },
        { "id": "cascade", "type": "Cascade", "properties": { "definitionId": "measure-city" } }, { "id": "end", "type": "End" } ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "cascade" }, { "from": "cascade", "outcome": "Done", "to": "end" } ]
    }
    """;
}
