using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Activities.Notifications;

/// <summary>Registers the templates, the writer and the digest composer; call after <see cref="OutboxServiceCollectionExtensions.AddPolicyFlowOutbox"/>.</summary>
public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyFlowNotifications(this IServiceCollection services, Action<NotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new NotificationOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<NotificationRenderer>();
        services.AddSingleton<NotificationWriter>();
        services.AddSingleton<IDigestComposer, DigestComposer>();
        return services;
    }
}
