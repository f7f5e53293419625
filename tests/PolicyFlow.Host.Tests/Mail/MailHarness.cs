using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Mail;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>The engine and the host's mail services on a real database, a fake clock and (optionally) the SMTP sink.</summary>
public sealed class MailHarness : IAsyncDisposable
{
    public const string StudioUrl = "https://studio.policyflow.test";

    /// <summary>Monday 13 October 2025, 09:00 in Hangzhou.</summary>
    public static readonly DateTimeOffset Start = new(2025, 10, 13, 1, 0, 0, TimeSpan.Zero);

    private const string AssignFlow = """
    { "id": "assign", "name": "Assign one task",
      "activities": [ { "id": "start", "type": "Start" },
        { "id": "draft", "type": "HumanTask", "properties": { "title": "{{title}}", "assignee": "agency" } } ],
      "variables": [ { "name": "title", "type": "string" } ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "draft" } ] }
    """;

    private readonly ServiceProvider _services;
    private readonly PostgresDatabase? _postgres;
    private bool _published;

    private MailHarness(ServiceProvider services, DbFactory db, FakeTimeProvider clock, PostgresDatabase? postgres, string contentRoot)
    {
        _services = services;
        Db = db;
        Clock = clock;
        _postgres = postgres;
        ContentRoot = contentRoot;
    }

    public DbFactory Db { get; }
    public FakeTimeProvider Clock { get; }
    public string ContentRoot { get; }
    public IServiceProvider Services => _services;
    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();
    public NotificationWriter Writer => _services.GetRequiredService<NotificationWriter>();
    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();
    public IMailSender Sender => _services.GetRequiredService<IMailSender>();

    /// <param name="sink">The SMTP server to send to; null leaves SMTP unconfigured, so mail is written as .eml files.</param>
    public static async Task<MailHarness> StartAsync(string provider, SmtpSink? sink, IDictionary<string, string?>? settings = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("pf-mail-").FullName;
        PostgresDatabase? postgres = null;
        DbFactory db;
        if (provider == "PostgreSql")
        {
            postgres = await PostgresServer.CreateDatabaseAsync("mail");
            db = new DbFactory(StorageProvider.PostgreSql, postgres.ConnectionString);
        }
        else
        {
            db = new DbFactory(StorageProvider.Sqlite, $"Data Source={Path.Combine(contentRoot, "policyflow.db")}");
        }
        await db.MigrateAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Mail:FromAddress"] = "policyflow@zj.gov.cn",
            ["Mail:FromName"] = "浙江省政策落实系统",
            ["Mail:StudioBaseUrl"] = StudioUrl,
        };
        if (sink is not null)
        {
            configuration["Mail:SmtpHost"] = sink.Host;
            configuration["Mail:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            configuration["Mail:SmtpSecurity"] = "None";
            configuration["Mail:SmtpTimeoutSeconds"] = "10";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IEngineDbFactory>(db);
        services.AddPolicyFlowEngine();
        services.AddPolicyFlowMail(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), contentRoot);
        return new MailHarness(services.BuildServiceProvider(), db, clock, postgres, contentRoot);
    }

    /// <summary>A dispatcher like the host's, sending through <paramref name="sender"/>.</summary>
    public OutboxDispatcher DispatcherWith(IMailSender sender) => new(Db, sender, _services.GetRequiredService<OutboxOptions>(), Clock,
        _services.GetRequiredService<IDigestComposer>());

    /// <summary>Launches a workflow whose first step is a task and, in the same transaction, writes its TaskAssigned email.</summary>
    public async Task<WorkTask> AssignAsync(string title, Recipient to, DateTimeOffset? dueAt = null, string agency = "浙江省经济和信息化厅")
    {
        if (!_published)
        {
            await _services.GetRequiredService<DefinitionService>().SaveAndPublishAsync(AssignFlow, "test");
            _published = true;
        }
        return await Engine.InTransactionAsync("test", async work =>
        {
            var runtime = _services.GetRequiredService<WorkflowRuntime>();
            var instance = await runtime.LaunchAsync(work, new LaunchRequest("assign", new() { ["title"] = title }), null, null, CancellationToken.None);
            var task = work.Db.Tasks.Local.Single(t => t.InstanceId == instance.Id);
            var model = new NotificationModel
            {
                TaskId = task.Id,
                InstanceId = instance.Id,
                TaskTitle = task.Title,
                MeasureTitle = "（一）实施卓越工程师培养工程",
                PolicyTitle = "关于加快建设卓越工程师队伍的若干措施",
                AgencyName = agency,
                DueAt = dueAt,
            };
            Writer.Enqueue(work, NotificationKind.TaskAssigned, to, model, $"assigned:{task.Id}");
            return task;
        }, CancellationToken.None);
    }

    /// <summary>Writes one notification in its own transaction, as a timer firing would.</summary>
    public Task EnqueueAsync(NotificationKind kind, Recipient to, NotificationModel model, string dedupKey) =>
        Engine.InTransactionAsync("test", work =>
        {
            Writer.Enqueue(work, kind, to, model, dedupKey);
            return Task.FromResult(true);
        }, CancellationToken.None);

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Db.Create();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.To).ToListAsync();
    }

    public async Task<List<WorkTask>> TasksAsync()
    {
        await using var db = Db.Create();
        return await db.Tasks.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(ContentRoot, recursive: true);
    }
}
