using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class AgencyDirectoryTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task EditingAnAgencysEmail_StoresItForTheMailNotices()
    {
        var email = $"hz-jx-{StudioFlows.NewTag()}@hangzhou.gov.cn";

        await OpenAsync("/agencies");
        Assert.Equal(["单位名称", "地区", "系统", "邮箱", "联系人", "电话", ""], await HeadersAsync("agencies"));
        await SelectAsync("系统", "经信");
        await SelectAsync("设区市", "杭州市");
        var rows = Page.Locator("[data-testid=agencies] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("杭州市经信局");
        // 杭州市 and its 13 counties, all 经信: the city filter takes in the counties below it.
        await Assertions.Expect(rows.Filter(new() { HasTextString = "上城区经信局" })).ToHaveCountAsync(1);
        Assert.All(await rows.Locator("td:nth-child(3)").AllInnerTextsAsync(), kind => Assert.Equal("经信", kind));
        await SelectAsync("县（市、区）", "市本级");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await ScreenshotAsync("agencies");

        var row = rows.Filter(new() { HasTextString = "杭州市经信局" });
        await row.GetByTestId("edit-contact").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("编辑联系方式：杭州市经信局");
        await dialog.GetByLabel("邮箱").FillAsync("不是邮箱");
        await dialog.GetByTestId("contact-save").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请输入有效的邮箱地址。");
        await ScreenshotAsync("agency-edit-invalid");

        await dialog.GetByLabel("邮箱").FillAsync(email);
        await dialog.GetByLabel("联系人").FillAsync("王工");
        await dialog.GetByLabel("电话").FillAsync("0571-87000000");
        await dialog.GetByTestId("contact-save").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync(email);
        await Assertions.Expect(row).ToContainTextAsync("王工");
        await ScreenshotAsync("agencies-edited");

        var stored = await Host.GetObjectAsync("/api/agencies/jx-330100");
        Assert.Equal(email, stored["email"]!.GetValue<string>());
        Assert.Equal("王工", stored["contactName"]!.GetValue<string>());
        Assert.Equal("0571-87000000", stored["phone"]!.GetValue<string>());
        Assert.True(stored["emailEdited"]!.GetValue<bool>());
    }
}
