using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// The whole app in process in a chosen environment on a SQLite file that several starts can share (a Development start
/// leaves its demo accounts for a Production start to find), seen as <c>https://policyflow.test</c>.
/// </summary>
public sealed class HostOn : IAsyncDisposable
{
    public static readonly Uri Address = new("https://policyflow.test/");

    private HostOn(WebApplicationFactory<Program> factory) => Factory = factory;

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>Starts the host on a SQLite file in <paramref name="directory"/>; a refusal to start throws here.</summary>
    public static HostOn Start(string environment, string directory, IReadOnlyDictionary<string, string?>? settings = null) =>
        Start(environment, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite", ["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "pf.db")}",
        }, settings);

    /// <summary>
    /// Starts the host (the first <c>Services</c> access runs Program) on <paramref name="storage"/> (environment-variable
    /// names, as <c>TestStorage</c> gives them) and returns it; a refusal to start throws here.
    /// </summary>
    public static HostOn Start(string environment, IReadOnlyDictionary<string, string> storage, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var mail = Directory.CreateTempSubdirectory("pf-security-mail-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            foreach (var (key, value) in storage)
            {
                b.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }
            b.UseSetting("Mail:PickupPath", mail);
            b.UseSetting("Authentication:SignInPermitsPerMinute", "1000");
            b.UseSetting("https_port", "443");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                b.UseSetting(key, value);
            }
        });
        try
        {
            _ = factory.Services;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
        return new HostOn(factory);
    }

    public HttpClient Client(bool cookies = true) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Address, AllowAutoRedirect = false, HandleCookies = cookies });

    public async Task CreateUserAsync(string userName, string password, string role = Roles.Administrator)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PolicyFlowUser>>();
        var user = new PolicyFlowUser { UserName = userName, Email = $"{userName}@zj.gov.cn", EmailConfirmed = true, AgencyId = "jx-330000", LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>A temp folder for one test's database; the OS cleans what SQLite still holds.</summary>
    public static string NewDirectory() => Directory.CreateTempSubdirectory("pf-security-").FullName;
}
