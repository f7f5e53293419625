using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The editable preview: the office corrects a measure's lead and co-agencies before publishing, in zh-CN and en.</summary>
[Collection(StudioCollection.Name)]
public sealed class PolicyCorrectionTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task TheOfficeCorrectsALeadInThePreview_PublishesIt_AndThePolicyPageShowsTheCorrectionAndTrackingStart()
    {
        var tag = StudioFlows.NewTag();
        var number = StudioPolicies.NewNumber();
        var id = StudioPolicies.PolicyId(number);
        await OpenAsync("/policies/import");
        await Page.GetByLabel("文件正文").FillAsync(StudioPolicies.TwoMeasures(number, tag));
        await Page.GetByTestId("preview").ClickAsync();
        var measures = Page.GetByTestId("preview-measures");
        await Assertions.Expect(measures.Locator("tbody tr")).ToHaveCountAsync(2);

        // Measure 2: the lead is 省科技厅, not the first listed.
        await Page.GetByTestId("edit-2").ClickAsync();
        var editor = Page.GetByTestId("measure-editor");
        await editor.GetByLabel("牵头单位").FillAsync("省科技厅");
        await editor.GetByLabel("配合单位").FillAsync("省人力社保厅");
        await editor.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(measures.Locator("tbody tr").Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("浙江省科学技术厅");
        await Assertions.Expect(Page.GetByTestId("corrections").Locator("li")).ToHaveCountAsync(2);

        // An empty lead is refused with its reason, and the preview stays as it was.
        await Page.GetByTestId("edit-1").ClickAsync();
        await editor.GetByLabel("牵头单位").FillAsync("");
        await editor.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("import-errors")).ToContainTextAsync("牵头单位不能为空");
        await Assertions.Expect(measures.Locator("tbody tr").Nth(0).Locator("td").Nth(2)).ToHaveTextAsync("浙江省经济和信息化厅");

        // Measure 1 without the unknown 省测试办, so nothing is left to map.
        await editor.GetByLabel("牵头单位").FillAsync("省经信厅");
        await editor.GetByLabel("配合单位").FillAsync("省教育厅");
        await Assertions.Expect(Page.GetByTestId("tracking-start")).ToBeVisibleAsync();
        await ScreenshotAsync("policy-preview-editable-zh-CN");
        await editor.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("corrections").Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(measures.Locator("[data-unknown=true]")).ToHaveCountAsync(0);

        await Page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("policy-link")).ToBeVisibleAsync();
        var policy = await Host.GetObjectAsync($"/api/policies/{id}");
        Assert.Equal("kj-330000", policy["measures"]![1]!["leadAgencyId"]!.GetValue<string>());
        Assert.Equal(["jy-330000"], policy["measures"]![0]!["coAgencyIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        var record = (await Host.Api.GetFromJsonAsync<JsonArray>($"/api/policies/{id}/corrections"))!;
        Assert.Equal(3, record.Count);
        Assert.All(record, c => Assert.Equal("admin", c!["by"]!.GetValue<string>()));

        await Page.GetByTestId("launch").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("launched")).ToContainTextAsync("已启动 2 个流程实例");
        await OpenAsync($"/policies/{id}");
        await Assertions.Expect(Page.GetByTestId("tracking-start")).Not.ToHaveTextAsync("自施行日期起算");
        await Assertions.Expect(Page.GetByTestId("policy-corrections").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(Page.GetByTestId("policy-corrections")).ToContainTextAsync("省科技厅");
        await ScreenshotAsync("policy-corrections-zh-CN");

        await Page.GotoAsync("/studio/culture?culture=en&redirect=/policies/import");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Page.GetByLabel("Document text").FillAsync(StudioPolicies.TwoMeasures(StudioPolicies.NewNumber(), tag));
        await Page.GetByTestId("preview").ClickAsync();
        await Page.GetByTestId("edit-2").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("measure-editor")).ToContainTextAsync("Correct measure （二）");
        await Assertions.Expect(Page.GetByTestId("edit-not-measure")).ToHaveTextAsync("Not a measure");
        await ScreenshotAsync("policy-preview-editable-en");
    }
}
