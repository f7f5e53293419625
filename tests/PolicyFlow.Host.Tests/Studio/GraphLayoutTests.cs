using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>Graphs lay themselves out: the seed measure in the viewer and the designer, with no node on another.</summary>
[Collection(StudioCollection.Name)]
public sealed class GraphLayoutTests(StudioHost host) : StudioTest(host)
{
    private const string Seed = "p2024-151-d27fde-m01";

    [Theory]
    [InlineData("zh-CN", "交办任务", "AssignTask")]
    [InlineData("en", "Assign task", "交办任务")]
    public async Task SeedMeasureInTheViewer_ReadsLeftToRight_WithNoOverlappingNodes(string culture, string shown, string notShown)
    {
        var instances = await Host.GetObjectAsync($"/api/workflow-instances?definitionId={Seed}&take=1");
        var instance = instances["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();

        await OpenInAsync(culture, $"/instances/{instance}");
        // X6 draws in animation frames: wait for the last node before measuring.
        await Assertions.Expect(Page.Locator("[data-testid=canvas] .x6-node")).ToHaveCountAsync(15);
        var nodes = await NodeBoxesAsync();
        AssertNoOverlap(nodes);
        // Left to right: the policy comes into force before the plan, the plan before the report, the report before the end.
        Assert.True(nodes["start"].X < nodes["in-force"].X && nodes["in-force"].X < nodes["plan"].X
            && nodes["plan"].X < nodes["report"].X && nodes["report"].X < nodes["end"].X, Describe(nodes));
        var canvas = Page.GetByTestId("canvas");
        await Assertions.Expect(canvas).ToContainTextAsync(shown);
        Assert.DoesNotContain(notShown, await canvas.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync($"instance-seed-{culture}");
        // 适应画布 shows the whole measure at once, still with every node apart.
        await Page.GetByTestId("fit").ClickAsync();
        AssertNoOverlap(await NodeBoxesAsync());
        await ScreenshotAsync($"instance-seed-overview-{culture}");
    }

    [Fact]
    public async Task SeedMeasureInTheDesigner_IsLaidOut_AndAutoLayoutKeepsEveryNodeApart()
    {
        await OpenInAsync("zh-CN", $"/definitions/{Seed}/designer");
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(15);
        AssertNoOverlap(await NodeBoxesAsync());

        // A new node, then 自动布局: it joins the layout and still touches nothing.
        await Page.GetByTestId("palette").GetByRole(AriaRole.Button, new() { Name = "发送通知" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".x6-node")).ToHaveCountAsync(16);
        await Page.GetByTestId("auto-layout").ClickAsync();
        var nodes = await NodeBoxesAsync();
        Assert.Equal(16, nodes.Count);
        AssertNoOverlap(nodes);
        await ScreenshotAsync("designer-seed-zh-CN");
    }

    private async Task OpenInAsync(string culture, string path)
    {
        await Page.GotoAsync($"/studio/culture?culture={culture}&redirect={Uri.EscapeDataString(path)}");
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await Page.Locator("[data-interactive=true]").WaitForAsync();
        await Page.Locator("[data-testid=canvas][data-loaded=true]").WaitForAsync();
    }

    /// <summary>Each node's box on screen, its port labels included, by activity id.</summary>
    private async Task<Dictionary<string, Box>> NodeBoxesAsync()
    {
        var boxes = await Page.EvaluateAsync<Box[]>("""
            () => [...document.querySelectorAll('[data-testid=canvas] .x6-node[data-cell-id]')].map((n) => {
              const r = n.getBoundingClientRect();
              return { id: n.getAttribute('data-cell-id'), x: r.x, y: r.y, width: r.width, height: r.height };
            })
            """);
        return boxes.ToDictionary(b => b.Id);
    }

    private static void AssertNoOverlap(Dictionary<string, Box> nodes)
    {
        var all = nodes.Values.ToList();
        var overlapping = all.SelectMany((a, i) => all.Skip(i + 1).Where(b => a.Overlaps(b)).Select(b => $"{a.Id} ∩ {b.Id}")).ToList();
        Assert.True(overlapping.Count == 0, $"overlapping nodes: {string.Join(", ", overlapping)}\n{Describe(nodes)}");
    }

    private static string Describe(Dictionary<string, Box> nodes) =>
        string.Join("\n", nodes.Values.Select(b => $"{b.Id}: ({b.X:0},{b.Y:0}) {b.Width:0}×{b.Height:0}"));

    private sealed class Box
    {
        public string Id { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }

        public bool Overlaps(Box o) => X < o.X + o.Width && o.X < X + Width && Y < o.Y + o.Height && o.Y < Y + Height;
    }
}
