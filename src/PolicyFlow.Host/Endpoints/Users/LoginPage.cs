namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>
/// <c>GET /account/login</c>: a bare sign-in page (the Studio styles its own later) that posts JSON to
/// <c>/api/account/login</c>; <c>POST /account/logout</c> signs out and comes back here.
/// </summary>
internal static class LoginPage
{
    private const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>PolicyFlow 登录 Sign in</title></head>
        <body>
        <h1>PolicyFlow 登录 Sign in</h1>
        <form id="login">
          <label>用户名 User name <input name="userName" autocomplete="username" required></label><br>
          <label>密码 Password <input name="password" type="password" autocomplete="current-password" required></label><br>
          <button type="submit">登录 Sign in</button> <a href="/account/sso">单点登录 SSO</a>
        </form>
        <p id="message" role="alert"></p>
        <script>
          document.getElementById('login').addEventListener('submit', async e => {
            e.preventDefault();
            const f = new FormData(e.target);
            const r = await fetch('/api/account/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ userName: f.get('userName'), password: f.get('password') }) });
            const back = new URLSearchParams(location.search).get('ReturnUrl') || '/';
            if (r.ok) { location.href = /^\/(?![\/\\])/.test(back) ? back : '/'; }
            else { document.getElementById('message').textContent = r.status === 429 ? '尝试过于频繁，请稍后再试 Too many attempts' : (await r.json()).detail; }
          });
        </script>
        </body></html>
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", () => Results.Content(Html, "text/html; charset=utf-8"));
        app.MapPost("/account/logout", async (Microsoft.AspNetCore.Identity.SignInManager<Auth.PolicyFlowUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).DisableAntiforgery();
    }
}
