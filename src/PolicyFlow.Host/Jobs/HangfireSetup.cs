using Hangfire;
using Hangfire.PostgreSql;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Jobs;

/// <summary>Hangfire with the storage that matches the workflow database: in-memory beside SQLite, PostgreSQL beside PostgreSQL.</summary>
internal static class HangfireSetup
{
    public const string TimerPumpId = "timer-pump";

    /// <summary>This process's own Hangfire queue (lower-case letters, digits and underscores, as Hangfire requires).</summary>
    public static readonly string HostQueue =
        $"host_{new string(Environment.MachineName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray())}_{Environment.ProcessId}";

    public static IServiceCollection AddPolicyFlowJobs(this IServiceCollection services, DbFactory storage)
    {
        services.AddSingleton<TimerSignal>();
        services.AddSingleton<TimerPumpHeartbeat>();
        services.AddHealthChecks().AddCheck<TimerPumpHealthCheck>("timer-pump");
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
            // Its own queue first: each host pumps timers itself, so hosts share the firing instead of waiting on one pump.
            o.Queues = [HostQueue, "default"];
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return services;
    }

    /// <summary>
    /// Starts this host's pump at once on its own queue (with in-memory storage this re-hydrates every timer from the
    /// database); the pump re-enqueues itself there when its minute is up. The cluster-wide recurring job is the safety
    /// net that restarts a pump on some host if a chain is ever broken.
    /// </summary>
    public static void StartPolicyFlowJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TimerPumpJob>(TimerPumpId, job => job.RunAsync(null, CancellationToken.None), Cron.Minutely());
        var queue = HostQueue;
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<TimerPumpJob>(queue, job => job.RunAsync(queue, CancellationToken.None));
    }
}
