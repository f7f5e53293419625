using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Activities.Flow;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine;

/// <summary>Registers the engine; the caller registers an <see cref="Persistence.IEngineDbFactory"/>.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddPolicyFlowEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        foreach (var activity in new IActivity[] { new Start(), new End(), new Fork(), new Join(), new Decision(), new SetVariable(), new WaitUntil(), new Delay(), new HumanTask(), new RunChildren() })
        {
            services.AddSingleton(activity);
        }
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<DefinitionService>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<TimerPump>();
        return services;
    }
}
