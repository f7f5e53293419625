using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PolicyFlow.Testing;

/// <summary>
/// How tests sign in: the Development demo accounts (printed at start) share one documented password. A test signs in
/// once, with the cookie, and may trade it for a personal access token so it never meets the sign-in rate limit again.
/// </summary>
public static class PolicyFlowAccounts
{
    /// <summary>The demo password of every Development account (src/PolicyFlow.Host/Auth/Accounts/DemoAccounts.cs, README).</summary>
    public const string DemoPassword = "PolicyFlow-Demo-2024";

    /// <summary>
    /// Signs <paramref name="client"/> in with the cookie (the client keeps it); throws with the answer when refused. The
    /// client then sends <c>Origin</c> like a browser on the Studio's own pages: the host refuses cookie requests that
    /// change something without it.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string userName = "admin", string password = DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(client);
        UseOwnOrigin(client);
        var response = await client.PostAsJsonAsync("/api/account/login", new { userName, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Creates a personal access token with a signed-in client and returns the token (<c>pf_…</c>).</summary>
    public static async Task<string> CreateTokenAsync(HttpClient signedIn, string name = "tests", int expiresInDays = 1)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var response = await signedIn.PostAsJsonAsync("/api/users/me/tokens", new { name, expiresInDays });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>Sends <c>Origin</c> = the client's base address on every request, as a browser does on a same-origin POST.</summary>
    public static void UseOwnOrigin(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var address = client.BaseAddress ?? throw new InvalidOperationException("The client needs a BaseAddress to know its origin.");
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Add("Origin", address.GetLeftPart(UriPartial.Authority));
    }

    public static void UseToken(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>A client of <paramref name="host"/> signed in as a demo account (admin by default).</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this PolicyFlowProcess host, string userName = "admin")
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient();
        await SignInAsync(client, userName);
        return client;
    }
}
