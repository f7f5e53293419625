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
        services.TryAddSingleton<Extensions.DecideExtension>();
        services.TryAddSingleton<Users.UserAdminGate>();
        services.TryAddSingleton<Users.ListUsers>();
        services.TryAddSingleton<Users.LockUser>();
        services.TryAddSingleton<Users.UnlockUser>();
        services.TryAddSingleton<Users.ChangeUserRole>();
        services.TryAddSingleton<Users.RevokeUserTokens>();
        return services;
    }
}
