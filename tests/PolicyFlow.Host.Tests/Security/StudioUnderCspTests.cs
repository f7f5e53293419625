using Microsoft.Playwright;
using PolicyFlow.Host.Tests.Studio;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 9 in Chromium: the Studio and the X6 designer work under the CSP, and the browser reports no violation.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioUnderCspTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task DesignerAndInbox_DrawUnderTheCsp_WithoutASingleViolation()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"csp-{tag}", tag));
        await Page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        await OpenAsync($"/definitions/csp-{tag}/designer");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(6);
        var onDesigner = await Page.EvaluateAsync<string[]>("window.__csp");
        await OpenAsync("/tasks");
        var onInbox = await Page.EvaluateAsync<string[]>("window.__csp");

        Assert.Empty(onDesigner);
        Assert.Empty(onInbox);
    }

    [Fact]
    public async Task SignOutForm_PassesTheSameOriginCheck_AndEndsTheSession()
    {
        await OpenAsync("/tasks");

        await Page.GetByTestId("logout").ClickAsync();

        await Page.WaitForURLAsync("**/account/login");
        var me = await Page.APIRequest.GetAsync("/api/users/me");
        Assert.Equal(401, me.Status);
    }
}
