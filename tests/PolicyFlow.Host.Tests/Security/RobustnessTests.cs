using System.Net;
using System.Net.Http.Json;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 11 (part): inputs that used to give 500 give 400 with a reason.</summary>
[Collection(AuthCollection.Name)]
public sealed class RobustnessTests(AuthApp app)
{
    [Fact]
    public async Task Extension_ToTheLastRepresentableDay_Is400SayingHowFarAnExtensionMayGo()
    {
        using var assignee = await app.ClientAsync("jx-330102");

        var response = await assignee.PostAsJsonAsync($"/api/tasks/{app.OwnTask}/extensions", new { newDueDate = "9999-12-31", reason = "探测 probe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("366 days", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyForm_WithAFieldOverFourMegabytes_Is400SayingToUploadAFile()
    {
        using var office = await app.ClientAsync("policy-office");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = new string('a', 5_000_000) });

        var response = await office.PostAsync(new Uri("/api/policies/preview", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file upload", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
