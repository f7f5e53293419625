using Microsoft.AspNetCore.Identity;
using PolicyFlow.Host.Application.Users;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>
/// <c>POST /api/account/login</c> {userName, password} sets the Studio's cookie; <c>POST /api/account/logout</c> clears it.
/// JSON only (a cross-site form cannot send it) and the cookie is SameSite=Strict: no CSRF on sign-in or on the API.
/// </summary>
internal static class AccountEndpoints
{
    internal sealed record LoginRequest(string? UserName, string? Password);

    public const string SignInRateLimit = "sign-in";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account");
        group.MapPost("/login", async (LoginRequest request, SignInManager<PolicyFlowUser> signIn, HttpContext http) =>
        {
            AuditSubject.Set(http, request.UserName);
            var user = await PasswordCheck.CheckAsync(signIn, request.UserName, request.Password);
            if (user is null)
            {
                return Results.Problem(statusCode: 401, title: "登录失败 Sign-in failed",
                    detail: "用户名或密码错误，或账户因连续 5 次失败已锁定 15 分钟。Wrong user name or password, or the account is locked for 15 minutes after 5 failures.");
            }
            await signIn.SignInAsync(user, isPersistent: false);
            return Results.Ok(await UserView.FromAsync(user, signIn.UserManager));
        }).RequireRateLimiting(SignInRateLimit);
        group.MapPost("/logout", async (SignInManager<PolicyFlowUser> signIn, HttpContext http) =>
        {
            // Signing out ends every session of the user (other browsers within SessionRevalidationSeconds), not only this cookie.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.NoContent();
        });
    }
}
