using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The designer without a mouse: the palette is buttons, the canvas takes the arrow keys and Delete.</summary>
[Collection(StudioCollection.Name)]
public sealed class DesignerKeyboardTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task ArrowKeys_SelectTheNodesInReadingOrder_AndDeleteRemovesTheSelectedOne()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"keys-{tag}", tag));
        await OpenAsync($"/definitions/keys-{tag}/designer");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();

        await Page.GetByTestId("canvas").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.GetByTestId("properties")).ToContainTextAsync("编号 start");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.GetByTestId("properties")).ToContainTextAsync("编号 fork");
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(Page.GetByTestId("properties")).ToContainTextAsync("编号 start");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(5);
        await Assertions.Expect(Page.Locator("[data-cell-id=fork]")).ToHaveCountAsync(0);

        // A palette item is a button: Enter adds its node.
        await Page.GetByTestId("palette").GetByRole(AriaRole.Button, new() { Name = "结束" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(6);
    }
}
