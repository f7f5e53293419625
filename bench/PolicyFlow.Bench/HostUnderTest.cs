using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench;

/// <summary>The real host (src/PolicyFlow.Host, Release build) as its own process on a bench database, with no seed work at start.</summary>
internal static class HostUnderTest
{
    public static Task<PolicyFlowProcess> StartAsync(DbFactory factory, TimeSpan? healthyWithin = null) =>
        PolicyFlowProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = factory.Provider.ToString(),
            ["Storage__ConnectionString"] = factory.ConnectionString,
            ["Seed__ImportPolicy"] = "false",
            ["Seed__LaunchPolicy"] = "false",
        }, healthyWithin: healthyWithin ?? TimeSpan.FromMinutes(5));

    /// <summary>Resident set of a process (VmRSS), in bytes.</summary>
    public static long Rss(int processId) =>
        long.Parse(File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    /// <summary>Launches one county instance of a seed measure with the engine (waiting on its task, with its deadline timers).</summary>
    public static async Task<(Guid Instance, Guid Task, RowCapture.Delta Rows)> LaunchCountyAsync(DbFactory factory)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEngineDbFactory>(factory);
        services.AddPolicyFlowActivities();
        await using var built = services.BuildServiceProvider();
        await built.GetRequiredService<DefinitionService>().SaveAndPublishAsync(WorkflowTemplates.Read(WorkflowTemplates.County), "bench");
        var tables = RowCapture.Tables(factory);
        var before = await RowCapture.TakeAsync(factory, tables);
        var input = new JsonObject
        {
            ["region"] = "330102", ["policyId"] = "p2024-151-d27fde", ["documentNumber"] = "浙经信人事〔2024〕151号", ["measureNo"] = 1,
            ["measureTitle"] = "将工信领域卓越工程师与省级认定体系融合接轨", ["effectiveAt"] = "2024-08-21T00:00:00+08:00", ["kind"] = "jx",
        };
        var instance = await built.GetRequiredService<WorkflowEngine>().LaunchAsync(new LaunchRequest(WorkflowTemplates.County, input), "bench");
        var delta = RowCapture.Diff(tables, before, await RowCapture.TakeAsync(factory, tables));
        await using var db = factory.Create();
        var task = await db.Tasks.Where(t => t.InstanceId == instance.Id).Select(t => t.Id).SingleAsync();
        return (instance.Id, task, delta);
    }
}
