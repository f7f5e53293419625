using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Infrastructure;

public sealed class ChromiumTests
{
    private const string Heading = "关于加快建设卓越工程师队伍的若干措施";

    [Fact]
    public async Task Launch_RendersChineseText_WithTheNotoCjkFont()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = 200 } });
        await page.SetContentAsync(
            $"""<html lang="zh-CN"><body style="font: 32px 'Noto Sans CJK SC', sans-serif"><h1 id="heading">{Heading}</h1></body></html>""");

        var path = RepositoryRoot.Combine("artifacts", "screenshots", "chromium-smoke.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });

        var png = await File.ReadAllBytesAsync(path);
        Assert.True(png.Length > 1000, $"screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Heading, await page.InnerTextAsync("#heading"));
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('32px \"Noto Sans CJK SC\"', '卓越')"));

        // document.fonts.check is true for any font it does not manage; the font Chromium really drew with is in CDP.
        var fonts = await PlatformFontsAsync(page, "#heading");
        Assert.Contains(fonts, f => f.Family.Contains("CJK", StringComparison.Ordinal) && f.Glyphs >= Heading.Length);
    }

    private static async Task<IReadOnlyList<(string Family, int Glyphs)>> PlatformFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var rootId = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = rootId, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        var result = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = nodeId });
        return
        [
            .. result!.Value.GetProperty("fonts").EnumerateArray()
                .Select(f => (f.GetProperty("familyName").GetString() ?? "", f.GetProperty("glyphCount").GetInt32())),
        ];
    }
}
