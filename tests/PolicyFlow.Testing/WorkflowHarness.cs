using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyFlow.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Testing;

/// <summary>The engine and the policy activities on a real database (a SQLite file or a fresh PostgreSQL database) with a fake clock.</summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PostgresDatabase? _postgres;
    private readonly string? _directory;

    private WorkflowHarness(ServiceProvider services, DbFactory db, FakeTimeProvider clock, PostgresDatabase? postgres, string? directory)
    {
        _services = services;
        Db = db;
        Clock = clock;
        _postgres = postgres;
        _directory = directory;
    }

    public DbFactory Db { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;
    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();
    public DefinitionService Definitions => _services.GetRequiredService<DefinitionService>();
    public TimerPump Pump => _services.GetRequiredService<TimerPump>();

    public static async Task<WorkflowHarness> StartAsync(string provider, Action<IServiceCollection>? configure = null, DateTimeOffset? now = null)
    {
        PostgresDatabase? postgres = null;
        string? directory = null;
        DbFactory db;
        if (provider == "PostgreSql")
        {
            postgres = await PostgresServer.CreateDatabaseAsync("engine");
            db = new DbFactory(StorageProvider.PostgreSql, postgres.ConnectionString);
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("pf-engine-").FullName;
            db = new DbFactory(StorageProvider.Sqlite, $"Data Source={Path.Combine(directory, "policyflow.db")}");
        }
        await db.MigrateAsync();
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 7, 22, 1, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IEngineDbFactory>(db);
        services.AddPolicyFlowActivities();
        configure?.Invoke(services);
        return new WorkflowHarness(services.BuildServiceProvider(), db, clock, postgres, directory);
    }

    public async Task PublishAsync(string json) => await Definitions.SaveAndPublishAsync(json, "test");

    public async Task<WorkflowInstance> InstanceAsync(Guid id)
    {
        await using var db = Db.Create();
        return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<List<WorkTask>> TasksAsync(Guid instanceId, WorkTaskStatus? status = null)
    {
        await using var db = Db.Create();
        var query = db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId);
        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }
        return await query.OrderBy(t => t.Title).ToListAsync();
    }

    public async Task<List<JournalEntry>> JournalAsync(Guid instanceId)
    {
        await using var db = Db.Create();
        return await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync();
    }

    public async Task<List<WorkflowTimer>> TimersAsync(Guid instanceId)
    {
        await using var db = Db.Create();
        return await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.DueAt).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
