using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

[Collection(StudioCollection.Name)]
public sealed class DesignerTests(StudioHost host) : StudioTest(host)
{
    [Fact]
    public async Task Designer_LoadsADefinition_AndRendersEveryNode()
    {
        var tag = StudioFlows.NewTag();
        await Host.PublishAsync(StudioFlows.ForkJoin($"draw-{tag}", tag));

        await OpenDesignerAsync($"draw-{tag}");
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(6);
        await Assertions.Expect(Page.Locator(".x6-edge")).ToHaveCountAsync(6);
        await Assertions.Expect(Page.Locator("[data-cell-id=a]")).ToContainTextAsync("制定实施方案");
        await Assertions.Expect(Page.GetByTestId("palette")).ToContainTextAsync("人工任务");
        await ScreenshotAsync("designer");
    }

    [Fact]
    public async Task AddingAConnectedNode_AndSavingADraft_CreatesVersion2()
    {
        var tag = StudioFlows.NewTag();
        var id = $"add-{tag}";
        await Host.PublishAsync(StudioFlows.ForkJoin(id, tag));

        await OpenDesignerAsync(id);
        await Page.GetByTestId("palette").GetByRole(AriaRole.Button, new() { Name = "结束" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(7);
        await Assertions.Expect(Page.GetByTestId("properties")).ToContainTextAsync("end1");
        // A new branch from the Fork's '+' port to the new End: the designer names it B1.
        await DragAsync("[data-cell-id=fork] [port='out:+']", "[data-cell-id=end1] [port=in]");
        await ScreenshotAsync("designer-added-node");
        await Assertions.Expect(Page.Locator(".x6-edge")).ToHaveCountAsync(7);
        await Assertions.Expect(Page.Locator("[data-cell-id=fork] [port='out:B1']")).ToHaveCountAsync(1);

        await Page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(Page.GetByText("草稿已保存（版本 2）")).ToBeVisibleAsync();

        var versions = await Host.GetArrayAsync($"/api/workflow-definitions/{id}/versions");
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("Draft", versions[0]!["status"]!.GetValue<string>());
        var saved = (await Host.GetObjectAsync($"/api/workflow-definitions/{id}?version=2"))["definition"]!;
        Assert.Contains(saved["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "end1" && a["type"]!.GetValue<string>() == "End");
        Assert.Contains(saved["connections"]!.AsArray(), c => c!["from"]!.GetValue<string>() == "fork"
            && c["outcome"]!.GetValue<string>() == "B1" && c["to"]!.GetValue<string>() == "end1");
        await Assertions.Expect(Page.GetByTestId("versions").Locator("[data-version='2']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SavingAnInvalidGraph_ListsTheDefectWithItsJsonPath_AndStoresNothing()
    {
        var tag = StudioFlows.NewTag();
        var id = $"bad-{tag}";
        await Host.PublishAsync(StudioFlows.ForkJoin(id, tag));

        await OpenDesignerAsync(id);
        // A task connected to nothing cannot be reached from Start.
        await Page.GetByTestId("palette").GetByRole(AriaRole.Button, new() { Name = "人工任务" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(7);
        await Page.GetByTestId("save-draft").ClickAsync();

        var errors = Page.GetByTestId("validation-errors");
        await Assertions.Expect(errors).ToContainTextAsync("$.activities[6]");
        await Assertions.Expect(errors).ToContainTextAsync("无法从“开始”到达");
        await ScreenshotAsync("designer-invalid");
        Assert.Single(await Host.GetArrayAsync($"/api/workflow-definitions/{id}/versions"));
    }

    private async Task OpenDesignerAsync(string id)
    {
        await OpenAsync($"/definitions/{id}/designer");
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
    }

    private async Task DragAsync(string from, string to)
    {
        var source = (await Page.Locator(from).BoundingBoxAsync())!;
        var target = (await Page.Locator(to).BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(source.X + source.Width / 2 + 5, source.Y + source.Height / 2 + 5);
        await Page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 12 });
        await Page.Mouse.UpAsync();
    }
}
