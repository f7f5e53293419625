namespace PolicyFlow.Host.Auth.Audit;

/// <summary>Marks a response as a refusal by an access rule, so the audit tells a hidden 404 from a plain "does not exist".</summary>
internal static class RefusalMark
{
    private static readonly object Key = new();

    public static void Set(HttpContext context) => context.Items[Key] = true;

    public static bool IsSet(HttpContext context) => context.Items.ContainsKey(Key);
}
