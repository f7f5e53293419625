using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Auth.Tokens;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>The caller's personal access tokens: create (the token is in this answer only), list, revoke.</summary>
internal static class TokenEndpoints
{
    internal sealed record CreateRequest(string? Name, int? ExpiresInDays);

    private const int MaxDays = 365;

    public static void Map(RouteGroupBuilder me)
    {
        me.MapPost("/tokens", async (CreateRequest request, ClaimsPrincipal user, UserManager<Auth.PolicyFlowUser> users, AccountsDbContext db,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            // A stolen token must not outlive its revocation by minting others: only a signed-in session creates tokens.
            if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                throw new Application.AccessDeniedException("访问令牌不能再创建令牌，请登录 PolicyFlow 后创建。 An access token cannot create tokens; sign in to the Studio to create one.");
            }
            var name = request.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100)
            {
                throw EngineException.Invalid("A token needs a name of 1 to 100 characters, saying where it is used.");
            }
            var days = request.ExpiresInDays ?? 90;
            if (days is < 1 or > MaxDays)
            {
                throw EngineException.Invalid($"expiresInDays must be between 1 and {MaxDays}.");
            }
            var token = TokenFormat.NewToken();
            var now = clock.GetUtcNow();
            var row = new PersonalAccessToken
            {
                Id = Guid.NewGuid(), UserId = users.GetUserId(user)!, Name = name, Hash = TokenFormat.Hash(token),
                Prefix = token[..10], CreatedAt = now, ExpiresAt = now.AddDays(days),
            };
            db.AccessTokens.Add(row);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/users/me/tokens/{row.Id}", new { row.Id, row.Name, token, row.Prefix, row.CreatedAt, row.ExpiresAt });
        });
        me.MapGet("/tokens", async (ClaimsPrincipal user, UserManager<Auth.PolicyFlowUser> users, AccountsDbContext db, CancellationToken ct) =>
        {
            var userId = users.GetUserId(user);
            return await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(ct);
        });
        me.MapDelete("/tokens/{id:guid}", async (Guid id, ClaimsPrincipal user, UserManager<Auth.PolicyFlowUser> users, AccountsDbContext db,
            TimeProvider clock, CancellationToken ct) =>
        {
            var userId = users.GetUserId(user);
            // Another user's token answers like a missing one.
            var row = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct)
                ?? throw EngineException.NotFound($"Token {id} does not exist.");
            row.RevokedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        });
    }
}
