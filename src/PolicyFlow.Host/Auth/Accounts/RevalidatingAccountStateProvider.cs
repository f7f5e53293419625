using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>
/// A Studio circuit lives for hours: every <c>Authentication:SessionRevalidationSeconds</c> it checks that its user still
/// exists, is not locked out and has the security stamp it signed in with; otherwise the circuit's user becomes anonymous.
/// </summary>
internal sealed class RevalidatingAccountStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AuthOptions> options) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.SessionRevalidationSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    /// <summary>Whether <paramref name="user"/> is still the account it signed in as (<see cref="SessionCheck"/>).</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionCheck.IsStillValidAsync(scope.ServiceProvider, user);
    }
}
