using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application;

/// <summary>
/// THE table of who may do what: each role's named capabilities. Use cases, endpoints' rules and Studio pages ask
/// <see cref="Has"/>; the authorization tests enumerate it. Object-level rules (whose task, which measure) stay with the
/// use case, on top of the capability.
/// </summary>
internal static class Capabilities
{
    public const string TaskAct = "task.act";
    public const string TaskUrge = "task.urge";
    public const string InstanceLaunch = "instance.launch";
    public const string InstanceCancel = "instance.cancel";
    public const string InstanceRetry = "instance.retry";
    public const string DefinitionPublish = "definition.publish";
    public const string PolicyImport = "policy.import";
    public const string AgencyEditContact = "agency.contact";

    /// <summary>The outbox: every email PolicyFlow sent or will send, to whom, and why one failed.</summary>
    public const string OutboxRead = "outbox.read";

    /// <summary>User administration: accounts, locks, roles and tokens.</summary>
    public const string UserAdmin = "user.admin";

    /// <summary>The audit trail: every state change and refusal, who, when, from where.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>Supervision reports over every agency (督查督办): the matrix, rankings, trends, bulletin and ledger.</summary>
    public const string ReportAll = "report.all";

    /// <summary>Supervision reports limited to the caller's own line and region, or the measures its agency leads.</summary>
    public const string ReportScoped = "report.scoped";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ByRole { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        [Roles.Administrator] = Set(TaskAct, TaskUrge, InstanceLaunch, InstanceCancel, InstanceRetry, DefinitionPublish, PolicyImport, AgencyEditContact,
            OutboxRead, UserAdmin, AuditRead, ReportAll),
        [Roles.PolicyOffice] = Set(TaskUrge, InstanceLaunch, InstanceCancel, DefinitionPublish, PolicyImport, ReportAll),
        [Roles.Leadership] = Set(TaskUrge, OutboxRead, ReportAll),
        // A lead agency urges the tasks of its own measures; the use case checks that it leads them.
        [Roles.AgencyStaff] = Set(TaskAct, TaskUrge, ReportScoped),
    };

    public static IReadOnlyList<string> All { get; } = [.. ByRole.Values.SelectMany(c => c).Distinct().Order(StringComparer.Ordinal)];

    public static bool Has(Caller caller, string capability)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Roles.Any(r => ByRole.TryGetValue(r, out var set) && set.Contains(capability));
    }

    /// <summary>The roles that hold <paramref name="capability"/>, for endpoint rules.</summary>
    public static string[] RolesWith(string capability) => [.. ByRole.Where(r => r.Value.Contains(capability)).Select(r => r.Key)];

    private static HashSet<string> Set(params string[] capabilities) => new(capabilities, StringComparer.Ordinal);
}
