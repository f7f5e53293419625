using PolicyFlow.Host.Application;
using PolicyFlow.Host.Endpoints.Policies;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>
/// THE table: every <c>/api</c> endpoint (method + route pattern) and the rule it is under. An endpoint missing here is
/// refused with 403 for everyone, and the authorization matrix test fails naming it — add its line when adding an endpoint.
/// </summary>
internal static class AccessRules
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    private const string Leader = Roles.Leadership;

    public static IReadOnlyDictionary<string, AccessRule> Table { get; } = new Dictionary<string, AccessRule>(StringComparer.Ordinal)
    {
        // Definitions: everyone reads the flows; only the policy office and administrators change them.
        ["GET /api/workflow-definitions"] = AccessRule.SignedIn,
        ["GET /api/workflow-definitions/{id}"] = AccessRule.SignedIn,
        ["GET /api/workflow-definitions/{id}/versions"] = AccessRule.SignedIn,
        ["PUT /api/workflow-definitions/{id}/draft"] = AccessRule.For(Capabilities.DefinitionPublish)
            .AuditedAs(Application.Definitions.SaveDefinitionDraft.Operation, "/workflow-definitions/{id}"),
        ["POST /api/workflow-definitions/{id}/publish"] = AccessRule.For(Capabilities.DefinitionPublish)
            .AuditedAs(Application.Definitions.PublishDefinition.Operation, "/workflow-definitions/{id}"),
        ["GET /api/activity-types"] = AccessRule.SignedIn,

        // Instances: lists are filtered by Visibility; one instance is read by those who see one of its tasks or lead its measure.
        ["POST /api/workflow-instances"] = AccessRule.For(Capabilities.InstanceLaunch),
        ["GET /api/workflow-instances"] = AccessRule.SignedIn,
        ["GET /api/workflow-instances/{id:guid}"] = AccessRule.InstanceReader,
        ["GET /api/workflow-instances/{id:guid}/journal"] = AccessRule.InstanceReader,
        ["GET /api/workflow-instances/{id:guid}/timers"] = AccessRule.InstanceReader,
        ["POST /api/workflow-instances/{id:guid}/cancel"] = AccessRule.For(Capabilities.InstanceCancel)
            .AuditedAs(Application.Instances.CancelInstance.Operation, "/workflow-instances/{id}"),
        ["POST /api/workflow-instances/{id:guid}/retry"] = AccessRule.For(Capabilities.InstanceRetry)
            .AuditedAs(Application.Instances.RetryInstance.Operation, "/workflow-instances/{id}"),

        // Tasks: read by whoever Visibility lets see them, acted on by the assignee agency's staff (and administrators).
        // Notifications: each person's own list; the use case filters to the caller.
        ["GET /api/notifications"] = AccessRule.SignedIn,
        ["POST /api/notifications/{id:long}/read"] = AccessRule.SignedIn,
        ["POST /api/notifications/read-all"] = AccessRule.SignedIn,

        ["GET /api/tasks"] = AccessRule.SignedIn,
        ["GET /api/tasks/views"] = AccessRule.SignedIn,
        ["PUT /api/tasks/views/{name}"] = AccessRule.SignedIn,
        ["DELETE /api/tasks/views/{name}"] = AccessRule.SignedIn,
        ["GET /api/tasks/{id:guid}"] = AccessRule.TaskReader,
        ["POST /api/tasks/claim"] = AccessRule.SignedIn, // each task is checked (and audited) by ClaimTask, as one claim is
        ["POST /api/tasks/{id:guid}/claim"] = AccessRule.TaskActor,
        ["POST /api/tasks/{id:guid}/progress"] = AccessRule.TaskActor,
        ["POST /api/tasks/{id:guid}/complete"] = AccessRule.TaskActor,
        ["POST /api/tasks/{id:guid}/return"] = AccessRule.TaskActor,
        ["POST /api/tasks/{id:guid}/comments"] = AccessRule.TaskReader,
        ["GET /api/tasks/{id:guid}/timers"] = AccessRule.TaskReader,
        ["GET /api/tasks/{id:guid}/extensions"] = AccessRule.TaskReader,
        ["POST /api/tasks/{id:guid}/extensions"] = AccessRule.TaskActor,
        // Reached by the lead, the policy office and leadership; DecideExtension says which of them decides this request.
        ["POST /api/tasks/{id:guid}/extensions/{requestId:guid}/decision"] = AccessRule.TaskSupervisor,
        ["POST /api/tasks/{id:guid}/attachments"] = AccessRule.TaskActor.WithBodyLimit(Attachments.AttachmentRules.MaxRequestBytes),
        ["GET /api/tasks/{id:guid}/attachments"] = AccessRule.TaskReader,
        ["GET /api/tasks/{id:guid}/attachments/{attachmentId:guid}"] = AccessRule.TaskReader,

        // Policies: public documents once published; importing and launching belong to the policy office.
        ["POST /api/policies/preview"] = AccessRule.For(Capabilities.PolicyImport).WithBodyLimit(DocumentBody.MaxRequestBytes)
            .AuditedAs(Application.Policies.PreviewPolicy.Operation, "/policies/preview"),
        ["POST /api/policies/preview/corrected"] = AccessRule.For(Capabilities.PolicyImport).WithBodyLimit(DocumentBody.MaxRequestBytes)
            .AuditedAs(Application.Policies.PreviewPolicy.Operation, "/policies/preview"),
        ["POST /api/policies"] = AccessRule.For(Capabilities.PolicyImport).WithBodyLimit(DocumentBody.MaxRequestBytes)
            .AuditedAs(Application.Policies.PublishPolicy.Operation, "/policies"),
        ["GET /api/policies"] = AccessRule.SignedIn,
        ["GET /api/policies/{id}"] = AccessRule.SignedIn,
        ["GET /api/policies/{id}/corrections"] = AccessRule.SignedIn,
        ["POST /api/policies/{id}/launch"] = AccessRule.For(Capabilities.PolicyImport)
            .AuditedAs(Application.Policies.LaunchPolicy.Operation, "/policies/{id}"),

        // Directory: everyone signed in reads it; contacts (where notices go) are the administrators'.
        ["GET /api/regions"] = AccessRule.SignedIn,
        ["GET /api/agencies"] = AccessRule.SignedIn,
        ["GET /api/agencies/{id}"] = AccessRule.SignedIn,
        ["PUT /api/agencies/{id}/contact"] = AccessRule.For(Capabilities.AgencyEditContact)
            .AuditedAs(Application.Agencies.EditContact.Operation, "/agencies/{id}/contact"),

        // Supervision: every signed-in user may ask; the use case scopes the answer to the caller (ReportScope) or refuses it.
        ["GET /api/reports/warning-lights"] = AccessRule.SignedIn,
        ["GET /api/reports/matrix"] = AccessRule.MatrixReader,
        ["GET /api/reports/overdue"] = AccessRule.SignedIn,
        ["GET /api/reports/ranking"] = AccessRule.SignedIn,
        ["GET /api/reports/ranking/rules"] = AccessRule.SignedIn,
        ["GET /api/reports/trend"] = AccessRule.SignedIn,
        ["GET /api/reports/export"] = AccessRule.SignedIn,
        // 通报: built on the matrix, so read by those who read the matrix (a county's account is refused).
        ["GET /api/reports/bulletin"] = AccessRule.MatrixReader,
        ["GET /api/reports/bulletin.pdf"] = AccessRule.MatrixReader,
        // 催办: leadership, the policy office and the measure's lead agency; a bulk urge names its tasks in the body, which UrgeTasks checks one by one.
        ["POST /api/reports/urge/preview"] = AccessRule.SignedIn,
        ["POST /api/reports/urge"] = AccessRule.SignedIn,
        ["POST /api/tasks/{id:guid}/urge"] = AccessRule.TaskSupervisor,

        // Every email with its recipients: operations, read by those who read everything but do not act on tasks.
        ["GET /api/outbox"] = AccessRule.For(Capabilities.OutboxRead).AuditedAs(Application.Outbox.OutboxList.Operation, "/outbox"),

        // Accounts.
        ["POST /api/account/login"] = AccessRule.Anyone,
        ["POST /api/account/logout"] = AccessRule.Anyone,
        ["GET /api/users/me"] = AccessRule.SignedIn,
        ["GET /api/users/me/tokens"] = AccessRule.SignedIn,
        ["POST /api/users/me/tokens"] = AccessRule.SignedIn,
        ["DELETE /api/users/me/tokens/{id:guid}"] = AccessRule.SignedIn,
        ["GET /api/users"] = AccessRule.For(Capabilities.UserAdmin).AuditedAs(Application.Users.ListUsers.Operation, "/users"),
        ["POST /api/users"] = AccessRule.For(Capabilities.UserAdmin),
        ["POST /api/users/{userName}/lock"] = AccessRule.For(Capabilities.UserAdmin).AuditedAs(Application.Users.LockUser.Operation, "/users/{userName}"),
        ["POST /api/users/{userName}/unlock"] = AccessRule.For(Capabilities.UserAdmin).AuditedAs(Application.Users.UnlockUser.Operation, "/users/{userName}"),
        ["PUT /api/users/{userName}/role"] = AccessRule.For(Capabilities.UserAdmin).AuditedAs(Application.Users.ChangeUserRole.Operation, "/users/{userName}"),
        ["DELETE /api/users/{userName}/tokens"] = AccessRule.For(Capabilities.UserAdmin).AuditedAs(Application.Users.RevokeUserTokens.Operation, "/users/{userName}"),
        ["GET /api/audit"] = AccessRule.For(Capabilities.AuditRead),
    };

    public static string Key(string method, string routePattern) => $"{method} {routePattern.TrimEnd('/')}";

    /// <summary>The rule for the endpoint the request was routed to, or null when it has none.</summary>
    public static AccessRule? For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
            ? Table.GetValueOrDefault(Key(http.Request.Method, pattern))
            : null;
    }
}
