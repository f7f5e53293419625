namespace PolicyFlow.Host.Auth.Access;

/// <summary>Who may call one endpoint: anyone, any signed-in user, some roles, and/or a check on the resource it names.</summary>
/// <param name="Name">How the rule reads in the matrix test and in refusals.</param>
/// <param name="Roles">When set, the caller needs one of these roles (403 otherwise).</param>
/// <param name="MaxBodyBytes">The request body limit; the API's default is <see cref="AccessRules.DefaultMaxBodyBytes"/>.</param>
/// <param name="Operation">The use case behind the endpoint, when it has one: a refusal at the door is then audited as that
/// use case audits its own (operation and subject), so the API and the Studio leave the same entry.</param>
/// <param name="Subject">The use case's subject, with the route's values in braces (<c>/workflow-instances/{id}</c>).</param>
internal sealed record AccessRule(string Name, bool Anonymous, IReadOnlyList<string>? Roles, ResourceCheck Resource, long? MaxBodyBytes = null,
    string? Operation = null, string? Subject = null)
{
    public static AccessRule Anyone { get; } = new("anyone", true, null, ResourceCheck.None);
    public static AccessRule SignedIn { get; } = new("signed-in", false, null, ResourceCheck.None);
    public static AccessRule TaskReader { get; } = new("task-reader", false, null, ResourceCheck.TaskRead);
    public static AccessRule TaskActor { get; } = new("task-actor", false, null, ResourceCheck.TaskAct);
    public static AccessRule TaskSupervisor { get; } = new("task-supervisor", false, null, ResourceCheck.TaskSupervise);
    public static AccessRule MatrixReader { get; } = new("matrix-reader", false, null, ResourceCheck.ReportMatrix);
    public static AccessRule InstanceReader { get; } = new("instance-reader", false, null, ResourceCheck.InstanceRead);

    /// <summary>The roles that hold <paramref name="capability"/> in <see cref="Application.Capabilities"/>.</summary>
    public static AccessRule For(string capability) => ForRoles(Application.Capabilities.RolesWith(capability));

    public static AccessRule ForRoles(params string[] roles) => new("roles:" + string.Join('|', roles), false, roles, ResourceCheck.None);

    public AccessRule WithBodyLimit(long bytes) => this with { MaxBodyBytes = bytes };

    /// <summary>The endpoint is the adapter of a use case that audits itself as <paramref name="operation"/> on <paramref name="subject"/>.</summary>
    public AccessRule AuditedAs(string operation, string subject) => this with { Operation = operation, Subject = subject };

    /// <summary>The subject with this request's route values filled in.</summary>
    public string SubjectOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var subject = Subject ?? "";
        foreach (var (name, value) in http.Request.RouteValues)
        {
            subject = subject.Replace("{" + name + "}", value?.ToString(), StringComparison.Ordinal);
        }
        return subject;
    }
}
