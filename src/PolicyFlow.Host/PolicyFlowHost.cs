using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Hangfire;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Notices;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Hardening;
using PolicyFlow.Host.Endpoints.Agencies;
using PolicyFlow.Host.Endpoints.Outbox;
using PolicyFlow.Host.Endpoints.Policies;
using PolicyFlow.Host.Endpoints.Reports;
using PolicyFlow.Host.Mail;
using PolicyFlow.Host.Endpoints.Tasks;
using PolicyFlow.Host.Seed;
using PolicyFlow.Host.Endpoints.WorkflowDefinitions;
using PolicyFlow.Host.Endpoints.WorkflowInstances;
using PolicyFlow.Host.Errors;
using PolicyFlow.Host.Jobs;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Studio;

namespace PolicyFlow.Host;

/// <summary>The composition root: storage, engine, jobs, API.</summary>
public static class PolicyFlowHost
{
    public static WebApplicationBuilder AddPolicyFlow(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var storageOptions = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var storage = DbFactory.From(storageOptions, builder.Environment.ContentRootPath);
        services.AddSingleton(storage);
        services.AddSingleton<IEngineDbFactory>(storage);
        services.AddScoped<PolicyFlowDbContext>(_ => storage.Create());
        var seed = builder.Configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        if (seed.PlaysDemo(builder.Environment))
        {
            // Before the engine's TryAdd of the system clock: the demo playback pins this clock to the moments it plays.
            var demoClock = new DemoClock();
            services.AddSingleton(demoClock);
            services.AddSingleton<TimeProvider>(demoClock);
            services.AddSingleton<DemoPlayback>();
        }
        // Next years' holiday files, if an administrator has added any; the embedded 2024–2026 calendar is always there.
        var calendarFolder = Path.Combine(builder.Environment.ContentRootPath, "data", "calendar");
        services.AddPolicyFlowActivities(Directory.Exists(calendarFolder) ? calendarFolder : null);
        services.AddSingleton(builder.Configuration.GetSection(NoticeOptions.Section).Get<NoticeOptions>() ?? new NoticeOptions());
        services.AddOptions<PolicyFlow.Activities.Postponements.ExtensionRules>().Bind(builder.Configuration.GetSection(PolicyFlow.Activities.Postponements.ExtensionRules.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PolicyFlow.Activities.Postponements.ExtensionRules>>().Value);
        services.AddOptions<WarningLightRule>().Bind(builder.Configuration.GetSection(WarningLightRule.Section));
        services.AddOptions<SeedOptions>().Bind(builder.Configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<SeedLoader>();
        services.AddPolicyFlowJobs(storage);
        services.AddPolicyFlowMail(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddPolicyFlowUseCases();
        services.AddPolicyFlowStudio();
        builder.AddPolicyFlowAuth(storage);
        return builder;
    }

    public static async Task<WebApplication> UsePolicyFlowAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<DbFactory>().MigrateAsync();
        app.UsePolicyFlowTransport();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        await app.UsePolicyFlowAuthAsync();
        // After the accounts schema exists: the seed's notices are addressed to agencies' users too.
        await app.Services.GetRequiredService<SeedLoader>().LoadAsync(CancellationToken.None);
        app.MapPolicyFlowApiDocs();
        app.MapHealthChecks("/health");
        app.UseHangfireDashboard("/hangfire", AuthExtensions.HangfireDashboard);
        var api = app.MapGroup("/api").MapPolicyFlowAuthEndpoints();
        api.MapDefinitionEndpoints();
        api.MapInstanceEndpoints();
        api.MapTaskEndpoints();
        Endpoints.Notifications.NotificationEndpoints.MapNotificationEndpoints(api);
        api.MapOutboxEndpoints();
        api.MapPolicyEndpoints();
        api.MapAgencyEndpoints();
        api.MapReportEndpoints();
        app.MapPolicyFlowStudio();
        app.Services.StartPolicyFlowJobs();
        app.Services.StartPolicyFlowMail();
        return app;
    }
}
