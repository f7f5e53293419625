using Hangfire;
using Hangfire.PostgreSql;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Jobs;

/// <summary>Hangfire with the storage that matches the workflow database: in-memory beside SQLite, PostgreSQL beside PostgreSQL.</summary>
internal static class HangfireSetup
{
    public const string TimerPumpId = "timer-pump";

    public static IServiceCollection AddPolicyFlowJobs(this IServiceCollection services, DbFactory storage)
    {
        services.AddSingleton<TimerSignal>();
        services.AddSingleton(sp => new TimerPump(sp.GetRequiredService<PolicyFlow.Engine.Persistence.IEngineDbFactory>(),
            sp.GetRequiredService<PolicyFlow.Engine.Runtime.WorkflowEngine>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TimerPump>>()) { Parallelism = storage.Provider == StorageProvider.PostgreSql ? 4 : 1 });
        services.AddTransient<TimerPumpJob>();
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return services;
    }

    /// <summary>Registers the recurring jobs and starts a pump at once: with in-memory storage this re-hydrates every timer from the database.</summary>
    public static void StartPolicyFlowJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TimerPumpJob>(TimerPumpId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<TimerPumpJob>(job => job.RunAsync(CancellationToken.None));
    }
}
