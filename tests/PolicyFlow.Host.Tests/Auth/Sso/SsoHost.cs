using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Auth.Sso;

/// <summary>
/// PolicyFlow in process on a real Kestrel port, configured for single sign-on at <see cref="Provider"/> (an OpenIddict
/// server on another port) with <c>MatchEmail</c>, on a temp SQLite file. The browser is an HttpClient with a cookie jar
/// that follows every redirect between the two, as a browser does.
/// </summary>
public sealed class SsoHost : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pf-sso-").FullName;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public OidcProvider Provider { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port}/");
        Provider = await OidcProvider.StartAsync(new Uri(Address, "/account/sso/callback"));
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Storage:Provider", "Sqlite");
            b.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_directory, "pf.db")}");
            b.UseSetting("Seed:ImportPolicy", "false");
            b.UseSetting("Seed:LaunchPolicy", "false");
            b.UseSetting("Mail:PickupPath", Path.Combine(_directory, "mail"));
            b.UseSetting("Authentication:Oidc:Authority", Provider.Issuer.ToString());
            b.UseSetting("Authentication:Oidc:ClientId", OidcProvider.ClientId);
            b.UseSetting("Authentication:Oidc:ClientSecret", OidcProvider.ClientSecret);
            b.UseSetting("Authentication:Oidc:MatchEmail", "true");
            b.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
        });
        Factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        Factory.StartServer();
        await Task.CompletedTask;
    }

    /// <summary>A browser of its own: a cookie jar, following redirects across both sites.</summary>
    public HttpClient Browser() => new(new SocketsHttpHandler { CookieContainer = new(), AllowAutoRedirect = true, MaxAutomaticRedirections = 10 })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<PolicyFlowUser> CreateUserAsync(string userName, string email, string agencyId = "jx-330102")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PolicyFlowUser>>();
        var user = new PolicyFlowUser { UserName = userName, Email = email, AgencyId = agencyId, LockoutEnabled = true };
        var created = await users.CreateAsync(user, "Sso-Account-2026!");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.AgencyStaff)).Succeeded);
        return user;
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Provider.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean.
        }
    }
}
