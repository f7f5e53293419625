namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>
/// <c>GET /account/login</c>: the sign-in page (plain HTML, Chinese first) that posts JSON to <c>/api/account/login</c> and
/// returns to the local <c>returnUrl</c> the Studio's redirect names; <c>POST /account/logout</c> signs out and comes back here.
/// </summary>
internal static class LoginPage
{
    private const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>登录 · PolicyFlow 政策协同 Sign in</title>
        <style>
          * { box-sizing: border-box; }
          body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: linear-gradient(135deg, #0d47a1 0%, #1976d2 55%, #e3f2fd 100%);
                 font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f2937; }
          main { width: min(400px, 92vw); background: #fff; border-radius: 12px; box-shadow: 0 12px 40px rgba(13, 71, 161, .25); padding: 32px 32px 24px; }
          h1 { margin: 0 0 4px; font-size: 1.5rem; color: #0d47a1; letter-spacing: .02em; }
          .sub { margin: 0 0 24px; color: #6b7280; font-size: .9rem; }
          label { display: block; font-size: .9rem; margin-bottom: 16px; }
          label span { display: block; margin-bottom: 6px; }
          label small { color: #9ca3af; margin-left: 4px; }
          input { width: 100%; padding: 10px 12px; border: 1px solid #cbd5e1; border-radius: 6px; font: inherit; }
          input:focus { outline: 2px solid #90caf9; border-color: #1976d2; }
          button { width: 100%; padding: 11px; border: 0; border-radius: 6px; background: #1976d2; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
          button:hover { background: #1565c0; } button:disabled { background: #90a4ae; cursor: wait; }
          .sso { display: block; text-align: center; margin-top: 14px; color: #1976d2; font-size: .9rem; text-decoration: none; }
          #message { min-height: 1.4em; color: #c62828; font-size: .9rem; margin: 12px 0 0; }
          footer { margin-top: 18px; text-align: center; color: #9ca3af; font-size: .75rem; }
        </style></head>
        <body>
        <main>
        <h1>PolicyFlow 政策协同</h1>
        <p class="sub">请登录后使用 · Please sign in to continue</p>
        <form id="login">
          <label><span>用户名<small>User name</small></span><input name="userName" autocomplete="username" autofocus required></label>
          <label><span>密码<small>Password</small></span><input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">登录 Sign in</button>
        </form>
        <p id="message" role="alert"></p>
        <a class="sso" href="/account/sso">政务统一身份认证登录 · Provincial single sign-on</a>
        <footer>连续 5 次失败将锁定账户 15 分钟 · 5 failures lock the account for 15 minutes</footer>
        </main>
        <script src="/account/login.js"></script>
        </body></html>
        """;

    // A file of its own, not inline: the Content-Security-Policy allows scripts from this origin only.
    private const string Script = """
        const form = document.getElementById('login'), message = document.getElementById('message');
        // Only an address on this origin, as the browser itself resolves it (it drops tabs and reads \ as /): an open
        // redirect would let a link send people elsewhere after signing in.
        function back() {
          const q = new URLSearchParams(location.search), wanted = q.get('returnUrl') || q.get('ReturnUrl') || '/';
          try {
            const url = new URL(wanted, location.origin);
            return wanted.startsWith('/') && url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
          } catch { return '/'; }
        }
        form.addEventListener('submit', async e => {
          e.preventDefault();
          const f = new FormData(form), button = form.querySelector('button');
          button.disabled = true; message.textContent = '';
          try {
            const r = await fetch('/api/account/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ userName: f.get('userName'), password: f.get('password') }) });
            if (r.ok) { location.href = back(); return; }
            message.textContent = r.status === 429 ? '尝试过于频繁，请稍后再试。Too many attempts, please wait a minute.' : (await r.json()).detail;
          } catch { message.textContent = '无法连接服务器，请稍后再试。Cannot reach the server.'; }
          button.disabled = false;
        });
        """;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http) =>
        {
            // The Studio only ever sends a local returnUrl; anything else is a crafted link, refused before anyone signs in.
            var returnUrl = http.Request.Query["returnUrl"].ToString() is { Length: > 0 } r ? r : http.Request.Query["ReturnUrl"].ToString();
            return returnUrl.Length > 0 && !Auth.Hardening.LocalUrl.IsLocal(returnUrl)
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "返回地址无效 Invalid return address", detail: Auth.Hardening.LocalUrl.Reason)
                : Results.Content(Html, "text/html; charset=utf-8");
        });
        app.MapGet("/account/login.js", () => Results.Text(Script, "text/javascript; charset=utf-8"));
        app.MapPost("/account/logout", async (Microsoft.AspNetCore.Identity.SignInManager<Auth.PolicyFlowUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).DisableAntiforgery();
    }
}
