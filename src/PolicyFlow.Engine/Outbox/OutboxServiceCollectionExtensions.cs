using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyFlow.Engine.Outbox;

/// <summary>Registers the outbox dispatcher; the caller registers an <see cref="IMailSender"/> (and may add an <see cref="IDigestComposer"/>).</summary>
public static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyFlowOutbox(this IServiceCollection services, Action<OutboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new OutboxOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
