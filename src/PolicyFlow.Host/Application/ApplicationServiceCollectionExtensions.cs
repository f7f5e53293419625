using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Application.Tasks;

namespace PolicyFlow.Host.Application;

/// <summary>The use cases, shared by the HTTP endpoints and the Studio. Each opens its own short-lived database context.</summary>
internal static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyFlowUseCases(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // The light threshold: the host binds Deadlines:YellowDays to it; without a binding it is the default.
        services.AddOptions<Activities.Deadlines.WarningLightRule>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Activities.Deadlines.WarningLightRule>>().Value);
        services.TryAddSingleton<UseCaseAudit>();
        services.TryAddSingleton<TaskGate>();
        services.TryAddSingleton<ClaimTask>();
        services.TryAddSingleton<ReportProgress>();
        services.TryAddSingleton<CompleteTask>();
        services.TryAddSingleton<TaskDetail>();
        services.TryAddSingleton<AttachEvidence>();
        services.TryAddSingleton<CommentOnTask>();
        services.TryAddSingleton<InboxQuery>();
        services.TryAddSingleton<ClaimTasks>();
        services.TryAddSingleton<InboxViews>();
        services.TryAddSingleton<Notifications.NotificationInbox>();
        services.TryAddSingleton<Notifications.MarkNotificationRead>();
        services.TryAddSingleton<MatrixReport>();
        services.TryAddSingleton<OverdueList>();
        services.TryAddSingleton<RankingReport>();
        services.TryAddSingleton<TrendReport>();
        services.TryAddSingleton<LightSummary>();
        services.TryAddSingleton<UrgeTasks>();
        services.TryAddSingleton<LedgerExport>();
        services.TryAddSingleton<BulletinReport>();
        services.TryAddSingleton<BulletinPdf>();
        services.TryAddSingleton<Instances.ReadInstance>();
        services.TryAddSingleton<Postponements.DecideExtension>();
        services.TryAddSingleton<Postponements.RequestExtension>();
        services.TryAddSingleton<Instances.CancelInstance>();
        services.TryAddSingleton<Instances.RetryInstance>();
        services.TryAddSingleton<Definitions.SaveDefinitionDraft>();
        services.TryAddSingleton<Definitions.PublishDefinition>();
        services.TryAddSingleton<Policies.PreviewPolicy>();
        services.TryAddSingleton<Policies.PublishPolicy>();
        services.TryAddSingleton<Policies.LaunchPolicy>();
        services.TryAddSingleton<Agencies.AgencyDirectory>();
        services.TryAddSingleton<Agencies.EditContact>();
        services.TryAddSingleton<Policies.ReadPolicy>();
        services.TryAddSingleton<Outbox.OutboxList>();
        services.TryAddSingleton<Instances.ListInstances>();
        services.TryAddSingleton<Instances.InstanceDiagram>();
        services.TryAddSingleton<Dashboard>();
        services.TryAddSingleton<Users.UserAdminGate>();
        services.TryAddSingleton<Users.ListUsers>();
        services.TryAddSingleton<Users.LockUser>();
        services.TryAddSingleton<Users.UnlockUser>();
        services.TryAddSingleton<Users.ChangeUserRole>();
        services.TryAddSingleton<Users.RevokeUserTokens>();
        return services;
    }
}
