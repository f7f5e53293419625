using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>The engine with the use cases and their audit on a real database and a fake clock, the city and county templates published.</summary>
internal static class UseCaseHarness
{
    public static async Task<WorkflowHarness> StartAsync(string provider, DateTimeOffset now)
    {
        var harness = await WorkflowHarness.StartAsync(provider, services =>
        {
            services.AddSingleton(sp => (DbFactory)sp.GetRequiredService<IEngineDbFactory>());
            services.AddSingleton<AccountsDb>();
            services.AddLogging();
            services.AddPolicyFlowUseCases();
        }, now);
        await harness.Services.GetRequiredService<AccountsDb>().MigrateAsync();
        foreach (var name in WorkflowTemplates.Shared)
        {
            await harness.Definitions.SaveAndPublishAsync(WorkflowTemplates.Read(name), "seed");
        }
        return harness;
    }
}
