using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>
/// The supervision page's trend chart (ECharts, drawn as SVG) and the printable 通报 in Chromium: the chart's series are the
/// trend API's points, for the policy and for one measure; the bulletin page states the bulletin API's figures, prints
/// without the Studio's navigation, and its PDF downloads — screenshots in zh-CN and en.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class SupervisionChartAndBulletinTests(StudioHost host) : StudioTest(host)
{
    private const string SeriesScript = """
        () => {
          const chart = echarts.getInstanceByDom(document.querySelector('[data-testid=trend-chart]'));
          const option = chart.getOption();
          return JSON.stringify({ months: option.xAxis[0].data, series: option.series.map((s) => ({ id: s.id, data: s.data })) });
        }
        """;

    [Fact]
    public async Task TrendChart_DrawsTheTrendApisPoints_ForThePolicyAndForOneMeasure()
    {
        await OpenAsync("/supervision");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "趋势" }).ClickAsync();
        await Page.Locator("[data-testid=trend-chart][data-rendered=true] svg path").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(await ExpectedAsync("/api/reports/trend?policyId=p2024-151-d27fde"), await Page.EvaluateAsync<string>(SeriesScript));
        Assert.True(await Page.Locator("[data-testid=trend-chart] svg text", new() { HasTextString = "未办结（月末）" }).CountAsync() > 0);
        await ScreenshotAsync("supervision-trend-chart-zh-CN");

        await Page.Locator("[data-testid=trend-measure]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        var measure = await ExpectedAsync("/api/reports/trend?policyId=p2024-151-d27fde&measureNo=1");
        await Page.WaitForFunctionAsync($"expected => ({SeriesScript})() === expected", measure);

        await Page.GotoAsync("/studio/culture?culture=en&redirect=/supervision");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Trend" }).ClickAsync();
        await Page.Locator("[data-testid=trend-chart][data-rendered=true] svg path").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.True(await Page.Locator("[data-testid=trend-chart] svg text", new() { HasTextString = "Open (month end)" }).CountAsync() > 0);
        await ScreenshotAsync("supervision-trend-chart-en");
    }

    [Fact]
    public async Task Bulletin_IsLinkedFromSupervision_StatesTheApisFigures_PrintsWithoutNavigation_AndDownloadsAsPdf()
    {
        await OpenAsync("/supervision");
        await Page.Locator("[data-testid=open-bulletin]").ClickAsync();
        await Page.Locator("[data-testid=bulletin]").WaitForAsync();
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        var api = await Host.GetObjectAsync("/api/reports/bulletin?period=month");
        var summary = api["summary"]!;
        var text = await Page.Locator("[data-testid=bulletin-summary]").InnerTextAsync();
        Assert.Contains($"{summary["tasks"]} 项任务", text, StringComparison.Ordinal);
        Assert.Contains($"已办结 {summary["done"]} 项", text, StringComparison.Ordinal);
        Assert.Contains($"逾期（红灯）{summary["overdue"]} 项", text, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("[data-testid=bulletin-no]")).ToHaveTextAsync($"{api["year"]}年第{api["number"]}期");
        var agencies = api["rankings"]!.AsArray().Single(r => r!["of"]!.GetValue<string>() == "agency")!["rows"]!.AsArray();
        await Assertions.Expect(Page.Locator("[data-testid=bulletin-ranking-agency] tbody tr")).ToHaveCountAsync(agencies.Count);
        await ScreenshotAsync("supervision-bulletin-zh-CN");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("[data-testid=bulletin-toolbar]")).ToBeHiddenAsync();
        await ScreenshotAsync("supervision-bulletin-print-zh-CN");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var href = await Page.Locator("[data-testid=bulletin-pdf]").GetAttributeAsync("href");
        var pdf = await Host.Api.GetAsync(href);
        Assert.True(pdf.IsSuccessStatusCode, await pdf.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);

        await Page.GotoAsync("/studio/culture?culture=en&redirect=/supervision/bulletin");
        await Page.Locator("[data-testid=bulletin]").WaitForAsync();
        await Assertions.Expect(Page.Locator("[data-testid=bulletin-no]")).ToHaveTextAsync($"{api["year"]} No. {api["number"]}");
        await Assertions.Expect(Page.Locator("[data-testid=bulletin]")).ToContainTextAsync("On-time ranking");
        await ScreenshotAsync("supervision-bulletin-en");
    }

    /// <summary>The trend API's answer in the shape the chart script returns: the months and one series per figure.</summary>
    private async Task<string> ExpectedAsync(string api)
    {
        var points = (await Host.GetObjectAsync(api))["points"]!.AsArray();
        JsonArray Data(string key) => [.. points.Select(p => (JsonNode)p![key]!.GetValue<int>())];
        var expected = new JsonObject
        {
            ["months"] = new JsonArray([.. points.Select(p => (JsonNode)p!["month"]!.GetValue<string>())]),
            ["series"] = new JsonArray([.. new[] { "open", "overdue", "created", "completed" }.Select(k => (JsonNode)new JsonObject { ["id"] = k, ["data"] = Data(k) })]),
        };
        return expected.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
