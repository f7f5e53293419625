using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Accounts;
using PolicyFlow.Host.Application.Users;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary><c>/api/users</c>: who am I, my tokens; for administrators, the list of users and creating one.</summary>
internal static class UserEndpoints
{
    internal sealed record CreateRequest(string? UserName, string? Email, string? AgencyId, string? Role, string? DisplayName, string? Password);

    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        var me = group.MapGroup("/me");
        me.MapGet("/", async (ClaimsPrincipal user, UserManager<PolicyFlowUser> users) =>
            await UserView.FromAsync(await users.GetUserAsync(user) ?? throw EngineException.NotFound("The signed-in user no longer exists."), users));
        TokenEndpoints.Map(me);
        UserAdministration.Map(group);
        group.MapGet("/", async (UserManager<PolicyFlowUser> users, CancellationToken ct) =>
        {
            var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
            var views = new List<UserView>(all.Count);
            foreach (var u in all)
            {
                views.Add(await UserView.FromAsync(u, users));
            }
            return views;
        });
        group.MapPost("/", async (CreateRequest request, UserManager<PolicyFlowUser> users, AgencyCatalog catalog) =>
        {
            if (request.Role is null || !Roles.All.Contains(request.Role))
            {
                throw EngineException.Invalid($"role must be one of {string.Join(", ", Roles.All)}.");
            }
            if (request.AgencyId is null || catalog.Find(request.AgencyId) is null)
            {
                throw EngineException.Invalid($"Agency '{request.AgencyId}' is not in the directory.");
            }
            var password = string.IsNullOrEmpty(request.Password) ? Passwords.Generate() : request.Password;
            var user = new PolicyFlowUser
            {
                UserName = request.UserName?.Trim(), Email = request.Email?.Trim(), AgencyId = request.AgencyId,
                DisplayName = request.DisplayName?.Trim(), LockoutEnabled = true,
            };
            await AccountSetup.CreateAsync(users, user, password, request.Role);
            var view = await UserView.FromAsync(user, users);
            // A generated password is shown in this answer only.
            return Results.Created($"/api/users/{user.Id}", new { user = view, password = string.IsNullOrEmpty(request.Password) ? password : null });
        });
    }
}
