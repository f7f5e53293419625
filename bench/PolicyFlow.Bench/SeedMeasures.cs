using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyFlow.Activities;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Seed;

namespace PolicyFlow.Bench;

/// <summary>
/// The seed policy (浙经信人事〔2024〕151号) imported and published as the host does, on a fresh database, with the clock on the
/// morning it takes effect: each measure instance launched here waits on its plan task (制定实施方案), whose completion cascades.
/// </summary>
internal sealed class SeedMeasures : IAsyncDisposable
{
    /// <summary>Measure (一): lead 省经信厅, one co-agency; its plan cascades to 11 cities and 90 counties.</summary>
    public const string Definition = "p2024-151-d27fde-m01";

    private static readonly DateTimeOffset Published = new(2024, 7, 22, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset InForce = ChinaTime.StartOfDay(new DateOnly(2024, 8, 21)).AddHours(9);

    private SeedMeasures(BenchStorage storage, ServiceProvider services, FakeTimeProvider clock)
    {
        Storage = storage;
        Services = services;
        Clock = clock;
    }

    public BenchStorage Storage { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public WorkflowEngine Engine => Services.GetRequiredService<WorkflowEngine>();

    public static async Task<SeedMeasures> StartAsync(string provider)
    {
        var storage = await BenchStorage.CreateAsync(provider);
        var clock = new FakeTimeProvider(Published);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IEngineDbFactory>(storage.Factory);
        services.AddPolicyFlowActivities();
        var built = services.BuildServiceProvider();
        var definitions = built.GetRequiredService<DefinitionService>();
        foreach (var name in WorkflowTemplates.Shared)
        {
            await definitions.SaveAndPublishAsync(WorkflowTemplates.Read(name), "bench");
        }
        await built.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedLoader.SeedText()), "bench");
        built.GetRequiredService<TimerPump>().Parallelism = provider == "PostgreSql" ? 4 : 1;
        return new SeedMeasures(storage, built, clock);
    }

    /// <summary>Launches <paramref name="count"/> instances of the measure, brings them into force and returns their plan tasks.</summary>
    public async Task<List<Guid>> PlanTasksAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Engine.LaunchAsync(new LaunchRequest(Definition), "bench")).Id);
        }
        if (Clock.GetUtcNow() < InForce)
        {
            Clock.SetUtcNow(InForce);
        }
        await Services.GetRequiredService<TimerPump>().DrainAsync();
        await using var db = Storage.Factory.Create();
        var plans = await db.Tasks.Where(t => ids.Contains(t.InstanceId) && t.Status != WorkTaskStatus.Completed && t.Status != WorkTaskStatus.Cancelled)
            .Select(t => t.Id).ToListAsync();
        if (plans.Count != count)
        {
            throw new InvalidOperationException($"{plans.Count} plan tasks for {count} measure instances: the set-up is invalid.");
        }
        return plans;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
