using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class UsersPageTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task Administrator_LocksAUserOnTheUsersPage_AndThatUsersNextRequestIsRefused()
    {
        var userName = $"clerk-{StudioFlows.NewTag()}";
        const string password = "Clerk-Password-2026!";
        var created = await Host.Api.PostAsJsonAsync("/api/users",
            new { userName, email = $"{userName}@jxt.zj.gov.cn", agencyId = "jx-330102", role = "AgencyStaff", displayName = "王小明", password });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var clerk = new HttpClient { BaseAddress = Host.BaseAddress };
        await PolicyFlowAccounts.SignInAsync(clerk, userName, password);
        using var withToken = new HttpClient { BaseAddress = Host.BaseAddress };
        PolicyFlowAccounts.UseToken(withToken, await PolicyFlowAccounts.CreateTokenAsync(clerk, "台账同步"));
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/users/me")).StatusCode);

        await OpenAsync("/users");
        Assert.Equal(["用户", "所属单位", "角色", "状态", "最近登录", "有效令牌", "操作"], await HeadersAsync("users"));
        await Page.GetByLabel("查找用户或单位").FillAsync(userName);
        // Leave the field first: its change event re-renders the table, and a click racing that render can be dropped.
        await Page.GetByLabel("查找用户或单位").PressAsync("Tab");
        var row = Page.Locator("[data-testid=users] tbody tr", new() { Has = Page.Locator($"[data-user='{userName}']") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("上城区经信局");
        await Assertions.Expect(row).ToContainTextAsync("王小明");
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("正常");
        await Assertions.Expect(row.GetByTestId("tokens")).ToHaveTextAsync("1");
        Assert.NotEqual("暂无记录", (await row.Locator("td").Nth(4).InnerTextAsync()).Trim());

        await row.GetByTestId("lock").ClickAsync();

        // The page's answer first: a failure then says what the page said (a refusal, a conflict), or that it said nothing.
        var answer = Page.Locator(".mud-snackbar").First;
        await Assertions.Expect(answer).ToBeVisibleAsync();
        Assert.Contains($"已锁定 {userName}", await answer.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("已锁定");
        await Assertions.Expect(row.GetByTestId("unlock")).ToBeVisibleAsync();
        await ScreenshotAsync("users-locked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await withToken.GetAsync("/api/users/me")).StatusCode);

        // A locked user's token is refused but still counted: revoking it on the page brings the count to 0.
        await Assertions.Expect(row.GetByTestId("tokens")).ToHaveTextAsync("1");
        await row.GetByTestId("revoke").ClickAsync();
        await Assertions.Expect(row.GetByTestId("tokens")).ToHaveTextAsync("0");
        await Assertions.Expect(row.GetByTestId("revoke")).ToBeDisabledAsync();
        var audit = await Host.GetObjectAsync($"/api/audit?user=admin&take=50");
        Assert.Contains(audit["items"]!.AsArray(), a => a!["method"]!.GetValue<string>() == "user.lock"
            && a["path"]!.GetValue<string>() == $"/users/{userName}" && a["status"]!.GetValue<int>() == 200);
        Assert.Contains(audit["items"]!.AsArray(), a => a!["method"]!.GetValue<string>() == "user.tokens"
            && a["path"]!.GetValue<string>() == $"/users/{userName}" && a["status"]!.GetValue<int>() == 200);
    }
}
