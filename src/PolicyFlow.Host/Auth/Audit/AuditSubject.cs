namespace PolicyFlow.Host.Auth.Audit;

/// <summary>The user name a request acts for before anyone is signed in (a sign-in attempt), for the audit trail.</summary>
internal static class AuditSubject
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, string? userName) => context.Items[Key] = userName;

    public static string Of(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "user"
        : context.Items.TryGetValue(Key, out var name) && name is string { Length: > 0 } s ? s
        : "anonymous";
}
