using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 8 (part): no uploads to a closed task, a per-task attachment quota, bounded notes and comments.</summary>
[Collection(AuthCollection.Name)]
public sealed class UploadAndNoteBoundsTests(AuthApp app)
{
    [Fact]
    public async Task Upload_ToACompletedTask_IsRefusedWith409()
    {
        using var assignee = await app.ClientAsync("jx-330102");
        var task = await app.NewOwnTaskAsync();
        (await assignee.PostAsJsonAsync($"/api/tasks/{task}/complete", new { comment = "办结 done" })).EnsureSuccessStatusCode();

        var response = await AuthApp.UploadAsync(assignee, task, "late.txt", "补充材料 late evidence"u8.ToArray());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("open task only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BeyondFiftyAttachmentsOnOneTask_IsRefusedWith409()
    {
        using var assignee = await app.ClientAsync("jx-330102");
        var task = await app.NewOwnTaskAsync();
        for (var i = 0; i < 50; i++)
        {
            var ok = await AuthApp.UploadAsync(assignee, task, $"part-{i}.txt", "材料 part"u8.ToArray());
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var response = await AuthApp.UploadAsync(assignee, task, "one-more.txt", "材料 part"u8.ToArray());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("a task may hold 50 attachments", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressNote_LongerThan4000Characters_IsRefusedWith400_And4000AreAccepted()
    {
        using var assignee = await app.ClientAsync("jx-330102");
        var task = await app.NewOwnTaskAsync();

        var tooLong = await assignee.PostAsJsonAsync($"/api/tasks/{task}/progress", new { note = new string('进', 4001), percent = 10 });
        var longest = await assignee.PostAsJsonAsync($"/api/tasks/{task}/progress", new { note = new string('进', 4000), percent = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 4000", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(longest.IsSuccessStatusCode, await longest.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExtensionReason_LongerThan4000Characters_IsRefusedWith400()
    {
        using var assignee = await app.ClientAsync("jx-330102");
        var task = await app.NewOwnTaskAsync();

        var response = await assignee.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueDate = "2027-01-15", reason = new string('延', 4001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
