using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Steps;
using PolicyFlow.Engine;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Activities.Notifications;

namespace PolicyFlow.Activities;

/// <summary>Registers the policy-work activities, the region and agency directories and the working-day calendar.</summary>
public static class ActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyFlowActivities(this IServiceCollection services, string? calendarDirectory = null)
    {
        services.AddPolicyFlowEngine();
        services.AddSingleton(_ => RegionDirectory.LoadEmbedded());
        services.AddSingleton(sp => AgencyCatalog.Build(sp.GetRequiredService<RegionDirectory>()));
        services.AddSingleton(_ => WorkingCalendar.LoadEmbeddedAnd(calendarDirectory));
        services.AddPolicyFlowOutbox();
        services.AddPolicyFlowNotifications();
        services.AddSingleton<Notices.Recipients>();
        services.AddSingleton<Notices.NoticeOptions>();
        services.AddSingleton<ITaskListener, Notices.AssignmentNotice>();
        foreach (var kind in new[] { "Reminder", "Overdue", "Escalation" })
        {
            services.AddSingleton<ITimerHandler>(sp => ActivatorUtilities.CreateInstance<Notices.DeadlineNoticeHandler>(sp, kind));
        }
        services.AddSingleton<Postponements.ExtensionRules>();
        services.AddSingleton<Postponements.ExtensionService>();
        services.AddSingleton<Publishing.PolicyPublisher>();
        services.AddSingleton<Publishing.PolicyLauncher>();
        foreach (var activity in new IActivity[] { new AssignTask(), new ForEachAgency(), new Cascade(), new PeriodicReport(), new Notices.Notify() })
        {
            services.AddSingleton(activity);
        }
        return services;
    }
}
