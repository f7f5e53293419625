using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PolicyFlow.Directories;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Auth.Accounts;
using PolicyFlow.Host.Auth.Attachments;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Hardening;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Auth.Tokens;
using PolicyFlow.Host.Endpoints.Attachments;
using PolicyFlow.Host.Endpoints.Audit;
using PolicyFlow.Host.Endpoints.Users;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Auth;

/// <summary>Accounts and access: Identity, cookie + token + optional OIDC sign-in, the access rules, audit and limits.</summary>
internal static class AuthExtensions
{
    private const string SmartScheme = "PolicyFlow";

    public static WebApplicationBuilder AddPolicyFlowAuth(this WebApplicationBuilder builder, DbFactory storage)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        services.AddOptions<AuthOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.AddPolicyFlowHardening();
        var accounts = new AccountsDb(storage);
        services.AddSingleton(accounts);
        services.AddScoped(_ => accounts.Create());
        // One key ring for every host, in the database: a cookie, antiforgery token or circuit from one host is read by another.
        services.AddDataProtection().SetApplicationName("PolicyFlow").PersistKeysToDbContext<AccountsDbContext>();
        services.AddSingleton<PolicyFlow.Activities.Notices.IAgencyMailboxes, Accounts.AgencyUserMailboxes>();
        services.AddSingleton(new AttachmentStore(UploadsDirectory(options, storage, builder.Environment.ContentRootPath)));
        services.AddIdentityCore<PolicyFlowUser>(o =>
            {
                o.Password.RequiredLength = Passwords.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddSingleton<Tokens.TokenPrincipals>();
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or access token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, StudioCookie.Configure)
            .AddCookie(IdentityConstants.ExternalScheme, o =>
            {
                o.Cookie.Name = "pf.external";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        if (options.Oidc.IsConfigured)
        {
            OidcSignIn.Add(authentication, options.Oidc);
        }
        // After the Studio's registration: the circuit's user is checked again as often as the cookie.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, Accounts.RevalidatingAccountStateProvider>();
        services.AddScoped<Visibility>();
        services.AddScoped<IAuthorizationHandler, ApiAccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessResultHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ApiAccessRequirement.Policy, p => p.AddRequirements(new ApiAccessRequirement()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccountEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>
    /// Migrates the accounts schema, creates the roles (and in Development the demo accounts; elsewhere refuses to start while
    /// any exist), and adds the middleware.
    /// </summary>
    public static async Task UsePolicyFlowAuthAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<AccountsDb>().MigrateAsync();
        // Two hosts starting together race to create the roles and demo accounts; the loser tries again and finds them made.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureAccountsAsync(app);
                break;
            }
            catch (Exception ex) when (attempt < 5 && ex is PolicyFlow.Engine.Runtime.EngineException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt));
            }
        }
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<SameOriginMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<BodyLimitMiddleware>();
        LoginPage.Map(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.Oidc.IsConfigured)
        {
            OidcSignIn.Map(app);
        }
    }

    private static async Task EnsureAccountsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await AccountSetup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        if (!app.Environment.IsDevelopment())
        {
            await DemoAccountGuard.EnsureNoneAsync(services.GetRequiredService<UserManager<PolicyFlowUser>>(), app.Environment.EnvironmentName, CancellationToken.None);
        }
        else if (services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.DemoAccounts)
        {
            var catalog = services.GetRequiredService<AgencyCatalog>();
            await DemoAccounts.EnsureAsync(services.GetRequiredService<UserManager<PolicyFlowUser>>(), catalog);
            await Console.Out.WriteLineAsync(DemoAccounts.Describe(catalog));
        }
    }

    /// <summary>Puts the whole <c>/api</c> group under <see cref="AccessRules"/> and maps the accounts, audit and attachment endpoints.</summary>
    public static RouteGroupBuilder MapPolicyFlowAuthEndpoints(this RouteGroupBuilder api)
    {
        api.RequireAuthorization(ApiAccessRequirement.Policy);
        api.MapAccountEndpoints();
        api.MapUserEndpoints();
        api.MapAuditEndpoints();
        api.MapAttachmentEndpoints();
        return api;
    }

    /// <summary>Configured, else <c>uploads/</c> beside the SQLite file (so a test's temp database keeps its files), else <c>data/uploads</c>.</summary>
    private static string UploadsDirectory(AuthOptions options, DbFactory storage, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.UploadsDirectory))
        {
            return options.UploadsDirectory;
        }
        if (storage.Provider == StorageProvider.Sqlite
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file, contentRoot)) is { } folder)
        {
            return Path.Combine(folder, "uploads");
        }
        return Path.Combine(contentRoot, "data", "uploads");
    }

    public static DashboardOptions HangfireDashboard { get; } = new() { Authorization = [new HangfireAdminFilter()] };
}
