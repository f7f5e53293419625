using System.Net;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 2 (and 11's culture switch): a return address is accepted only if it resolves to this origin.</summary>
[Collection(AuthCollection.Name)]
public sealed class ReturnUrlTests(AuthApp app)
{
    [Theory]
    [InlineData("%2F%2509%2Fevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("/%255Cevil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%0D%0A/evil.example")]
    public async Task LoginPage_WithAReturnUrlLeadingElsewhere_IsRefusedWith400(string returnUrl)
    {
        using var client = await app.ClientAsync(null);

        var response = await client.GetAsync(new Uri("/account/login?returnUrl=" + returnUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("return address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%2Ftasks%3Fassignee%3Djx-330102")]
    [InlineData("/instances/3f2c")]
    [InlineData("/")]
    public async Task LoginPage_WithALocalReturnUrl_IsShown(string returnUrl)
    {
        using var client = await app.ClientAsync(null);

        var response = await client.GetAsync(new Uri("/account/login?returnUrl=" + returnUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/%5Cx")]
    [InlineData("/%09/evil.example")]
    public async Task CultureSwitch_WithARedirectLeadingElsewhere_Is400WithAReason(string redirect)
    {
        using var client = await app.ClientAsync(null);

        var response = await client.GetAsync(new Uri("/studio/culture?culture=en&redirect=" + redirect, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("return address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureSwitch_WithALocalRedirect_GoesThere()
    {
        using var client = await app.ClientAsync(null);

        var response = await client.GetAsync(new Uri("/studio/culture?culture=en&redirect=%2Ftasks", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tasks", response.Headers.Location!.OriginalString);
    }
}
