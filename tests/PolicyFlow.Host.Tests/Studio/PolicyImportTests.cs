using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class PolicyImportTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task ImportingAPastedDocument_PreviewsPublishesAndLaunchesItsMeasures()
    {
        var tag = StudioFlows.NewTag();
        var number = StudioPolicies.NewNumber();
        var id = StudioPolicies.PolicyId(number);

        await OpenAsync("/policies/import");
        await Page.GetByLabel("文件正文").FillAsync(StudioPolicies.TwoMeasures(number, tag));
        await Page.GetByTestId("preview").ClickAsync();

        var measures = Page.GetByTestId("preview-measures");
        await Assertions.Expect(Page.GetByTestId("preview-number")).ToHaveTextAsync($"浙经信测〔2031〕{number}号");
        await Assertions.Expect(Page.GetByTestId("preview-effective")).ToHaveTextAsync("2024-10-01");
        await Assertions.Expect(measures.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(measures).ToContainTextAsync($"完善数字工程师培养体系{tag}");
        await Assertions.Expect(measures).ToContainTextAsync("浙江省经济和信息化厅");
        await Assertions.Expect(measures).ToContainTextAsync("浙江省人力资源和社会保障厅");
        await Assertions.Expect(measures.Locator("[data-unknown=true]")).ToHaveTextAsync("省测试办 · 未识别");
        Assert.Equal(["序号", "措施", "牵头单位", "配合单位", "其他责任方", "市县落实", "更正"], await HeadersAsync("preview-measures"));
        await ScreenshotAsync("policy-preview");

        // Unknown co-agency neither mapped nor accepted: every problem listed, nothing stored.
        await Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("import-errors")).ToContainTextAsync("配合单位“省测试办”不在单位目录中");
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Api.GetAsync($"/api/policies/{id}")).StatusCode);
        await ScreenshotAsync("policy-publish-refused");

        await Page.GetByText("未映射的配合单位不分派任务（确认）").ClickAsync();
        await Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("policy-link")).ToBeVisibleAsync();
        await Page.GetByTestId("launch").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("launched")).ToContainTextAsync("已启动 2 个流程实例");
        await Page.GetByTestId("launch").ClickAsync(); // again: the same two instances, nothing new
        await Assertions.Expect(Page.GetByTestId("launched").Locator("a")).ToHaveCountAsync(2);
        await ScreenshotAsync("policy-launched");

        var policy = await Host.GetObjectAsync($"/api/policies/{id}");
        Assert.Equal(2, policy["measures"]!.AsArray().Count);
        Assert.Equal("省测试办", policy["measures"]![0]!["unmapped"]![0]!.GetValue<string>());

        await OpenAsync("/policies");
        var row = Page.Locator("[data-testid=policies] tbody tr", new() { HasTextString = $"浙经信测〔2031〕{number}号" });
        await Assertions.Expect(row).ToContainTextAsync("2024-10-01");
        await ScreenshotAsync("policies");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync($"**/policies/{id}");
        var detail = Page.GetByTestId("policy-measures");
        await Assertions.Expect(detail.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(detail.GetByRole(AriaRole.Link, new() { Name = $"{id}-m01" })).ToHaveAttributeAsync("href", $"/definitions/{id}-m01/designer");
        await Assertions.Expect(detail).ToContainTextAsync("未分派: 省测试办");
        await Assertions.Expect(detail.Locator("a[href^='/instances/']")).ToHaveCountAsync(2);
        // In force since 2024: both measures have gone on to their lead's plan and wait there.
        await Assertions.Expect(detail.Locator("[data-status=Waiting]")).ToHaveCountAsync(2);
        await ScreenshotAsync("policy-detail");

        // The links are the instances the launch made: launching again through the API answers the same ids.
        var linked = (await detail.Locator("a[href^='/instances/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
            .Select(h => Guid.Parse(h["/instances/".Length..])).Order();
        var relaunch = await Host.Api.PostAsync($"/api/policies/{id}/launch", null);
        var launched = (await relaunch.Content.ReadFromJsonAsync<JsonArray>())!.Select(i => i!["id"]!.GetValue<Guid>()).Order();
        Assert.Equal(launched, linked);
    }
}
