using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 8 (part): besides each task's quota, one user's uploads over all their tasks are bounded per day.</summary>
public sealed class UserUploadQuotaTests
{
    [Fact]
    public async Task Uploads_OverAUsersDailyBytes_AcrossTasks_AreRefusedWith409_AndStoreNothing_OtherUsersUnaffected()
    {
        await using var host = HostOn.Start("Development", HostOn.NewDirectory(), new Dictionary<string, string?>
        {
            ["Seed:LaunchPolicy"] = "false", ["Authentication:AttachmentBytesPerUserPerDay"] = "100",
        });
        using var admin = await host.SignedInAsync("admin");
        var (_, first) = await TwoAgencyMeasure.LaunchAsync(admin, "quota-a", "jx-330000", "jx-330102", "rlsb-330000");
        var (_, second) = await TwoAgencyMeasure.LaunchAsync(admin, "quota-b", "jx-330000", "jx-330102", "rlsb-330000");
        using var county = await host.SignedInAsync("jx-330102");
        using var other = await host.SignedInAsync("rlsb-330000");
        var sixtyBytes = new byte[60];
        Array.Fill(sixtyBytes, (byte)'a');

        var accepted = await AuthApp.UploadAsync(county, first["jx-330102"], "part-1.txt", sixtyBytes);
        // Another task of the same user: its own quota is untouched, the user's 100 bytes a day are not.
        var refused = await AuthApp.UploadAsync(county, second["jx-330102"], "part-2.txt", sixtyBytes);
        var otherUser = await AuthApp.UploadAsync(other, second["rlsb-330000"], "part-1.txt", sixtyBytes);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("a user may upload 100 bytes a day", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
        var held = (await county.GetFromJsonAsync<JsonArray>($"/api/tasks/{second["jx-330102"]}/attachments"))!;
        Assert.Empty(held);
    }
}
