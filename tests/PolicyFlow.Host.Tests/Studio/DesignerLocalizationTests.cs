using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The designer speaks the user's language: palette, categories, ports, properties, validation, MudBlazor's own texts.</summary>
[Collection(StudioCollection.Name)]
public sealed partial class DesignerLocalizationTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task PaletteInChinese_ShowsNoUntranslatedTypeOrCategory()
    {
        await OpenAsync("/definitions/p2024-151-d27fde-m01/designer");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
        var palette = Page.GetByTestId("palette");
        var items = await palette.Locator(".pf-palette-item").AllInnerTextsAsync();
        var categories = await palette.Locator(".pf-palette-cat").AllInnerTextsAsync();

        Assert.True(items.Count >= 15, string.Join(", ", items));
        Assert.DoesNotContain(items.Concat(categories), t => Latin().IsMatch(t));
        Assert.Contains("交办任务", items);
        Assert.Contains("逐级下发", items);
        Assert.Contains("通知", categories);
        // The canvas names types and outcomes in Chinese too: no AssignTask, no True/False on the Decision ports.
        var canvas = await Page.GetByTestId("canvas").InnerTextAsync();
        Assert.DoesNotContain("AssignTask", canvas, StringComparison.Ordinal);
        Assert.DoesNotContain("True", canvas, StringComparison.Ordinal);
        Assert.True(canvas.Contains("否", StringComparison.Ordinal), canvas);

        await Page.Locator("[data-cell-id=notify-in-force]").ClickAsync();
        var properties = Page.GetByTestId("properties");
        await Assertions.Expect(properties).ToContainTextAsync("发送通知");
        await Assertions.Expect(properties.Locator("[data-property=kind]")).ToContainTextAsync("通知类型");
        await Assertions.Expect(properties.Locator("[data-property=to]")).ToContainTextAsync("通知对象");
        await ScreenshotAsync("designer-properties-zh-CN");
    }

    [Fact]
    public async Task PaletteInEnglish_NamesTypesInWords()
    {
        await Page.GotoAsync("/studio/culture?culture=en&redirect=/definitions/p2024-151-d27fde-m01/designer");
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        var items = await Page.GetByTestId("palette").Locator(".pf-palette-item").AllInnerTextsAsync();
        Assert.Contains("Assign task", items);
        Assert.Contains("Cascade to regions", items);
        Assert.DoesNotContain("AssignTask", items);
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
        await ScreenshotAsync("designer-seed-en");
    }

    [Fact]
    public async Task MudBlazorsOwnTexts_AreChinese_InTheChineseStudio()
    {
        // The instance list has MudBlazor's pager, the designer its breadcrumbs: both labelled by MudBlazor itself.
        await OpenAsync("/instances");
        await Assertions.Expect(Page.Locator(".mud-table-pagination [aria-label='下一页']")).ToBeAttachedAsync();
        Assert.Equal(0, await Page.Locator("[aria-label='Next page'], [aria-label='Previous page']").CountAsync());
        await OpenAsync("/definitions/p2024-151-d27fde-m01/designer");
        await Assertions.Expect(Page.Locator("[aria-label='导航路径']")).ToBeAttachedAsync();
        Assert.Equal(0, await Page.Locator("[aria-label='Breadcrumb']").CountAsync());
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();
}
