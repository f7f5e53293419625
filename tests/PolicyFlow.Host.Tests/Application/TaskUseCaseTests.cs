using System.Net;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Postponements;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// The API and the Studio call the same use case: the same rule refuses a return without a reason, the same users are
/// refused, and the same audit entry is written. The Studio's call is made as its components make it — the use case with
/// the circuit's caller and no HTTP request.
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class TaskUseCaseTests(AuthApp app)
{
    private static readonly Caller Shangcheng = new("jx-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");
    private static readonly Caller Hangzhou = new("jx-330100", new HashSet<string> { Roles.AgencyStaff }, "jx-330100");

    [Fact]
    public async Task CompleteWithReturnAndNoReason_Is400ThroughTheApi_AndRefusedInTheStudio_AndChangesNothing()
    {
        var (apiTask, studioTask) = (await ReviewTaskAsync("uc-return-a"), await ReviewTaskAsync("uc-return-b"));
        using var client = await app.ClientAsync("jx-330102");
        var response = await client.PostAsJsonAsync($"/api/tasks/{apiTask}/complete", new { outcome = "Return" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("退回重办须写明", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refusal = await Assert.ThrowsAsync<EngineException>(() => UseCase<CompleteTask>().HandleAsync(Shangcheng, studioTask, new CompleteTask.Request("Return", " ")));
        Assert.Equal(EngineError.Invalid, refusal.Error);

        Assert.All(await TasksAsync(apiTask, studioTask), t => Assert.Equal((WorkTaskStatus.Open, (string?)null), (t.Status, t.Outcome)));
        var entries = await AuditAsync(apiTask, studioTask);
        Assert.Equal(Shape(entries[apiTask]), Shape(entries[studioTask]));
        Assert.Equal(("jx-330102", "task.return", 400, true), Shape(entries[studioTask]));
        Assert.Equal("studio", entries[studioTask].RemoteAddress);

        // With the reason both go through, and the audit says so alike.
        Assert.True((await client.PostAsJsonAsync($"/api/tasks/{apiTask}/complete", new { outcome = "Return", comment = "缺少佐证材料" })).IsSuccessStatusCode);
        Assert.True((await UseCase<CompleteTask>().ReturnAsync(Shangcheng, studioTask, "缺少佐证材料")).WasChanged);
        entries = await AuditAsync(apiTask, studioTask);
        Assert.Equal(("jx-330102", "task.return", 200, false), Shape(entries[apiTask]));
        Assert.Equal(Shape(entries[apiTask]), Shape(entries[studioTask]));
    }

    [Fact]
    public async Task ACityThatOnlyReadsTheTask_IsRefusedAlikeByTheApiAndTheStudio_AndTheStudioRefusalIsAudited()
    {
        var task = await ReviewTaskAsync("uc-refuse");
        using var client = await app.ClientAsync("jx-330100");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/tasks/{task}/claim", null)).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<ClaimTask>().HandleAsync(Hangzhou, task));
        Assert.Equal(WorkTaskStatus.Open, (await TasksAsync(task)).Single().Status);
        var entry = (await AuditAsync(task))[task];
        Assert.Equal(("jx-330100", "task.claim", 403, true), Shape(entry));
    }

    [Fact]
    public async Task SigningInTheStudio_WritesTheSameAuditEntryAsTheApi()
    {
        var (apiTask, studioTask) = (await ReviewTaskAsync("uc-claim-a"), await ReviewTaskAsync("uc-claim-b"));
        using var client = await app.ClientAsync("jx-330102");
        Assert.True((await client.PostAsync($"/api/tasks/{apiTask}/claim", null)).IsSuccessStatusCode);
        Assert.True((await UseCase<ClaimTask>().HandleAsync(Shangcheng, studioTask)).WasChanged);
        var entries = await AuditAsync(apiTask, studioTask);
        Assert.Equal(("jx-330102", "task.claim", 200, false), Shape(entries[apiTask]));
        Assert.Equal(Shape(entries[apiTask]), Shape(entries[studioTask]));
        Assert.All(await TasksAsync(apiTask, studioTask), t => Assert.Equal(WorkTaskStatus.Claimed, t.Status));
    }

    [Fact]
    public async Task AskingForAnExtension_LeavesTheSameAuditEntryThroughTheApiAndTheStudio_AndBadInputIsRefusedAlikeAndStoresNothing()
    {
        const string due = "2099-12-31T17:00:00+08:00"; // due day 2099-12-31; at most 366 days later
        var (apiTask, studioTask) = (await ReviewTaskAsync("uc-ext-a", due), await ReviewTaskAsync("uc-ext-b", due));
        using var client = await app.ClientAsync("jx-330102");
        foreach (var (day, reason, says) in new[]
        {
            ("2100-01-10", " ", "请说明延期理由"), ("2020-01-01", "等待省级数据", "不能早于今天"), ("2101-01-10", "等待省级数据", "不得超过 366 天"),
        })
        {
            var response = await client.PostAsJsonAsync($"/api/tasks/{apiTask}/extensions", new { newDueDate = day, reason });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var refusal = await Assert.ThrowsAsync<EngineException>(() => UseCase<RequestExtension>()
                .HandleAsync(Shangcheng, studioTask, new RequestExtension.Request(DateOnly.Parse(day, CultureInfo.InvariantCulture), null, reason)));
            Assert.Contains(says, refusal.Message, StringComparison.Ordinal);
            var refused = await AuditAsync(apiTask, studioTask);
            Assert.Equal(("jx-330102", "extension.request", 400, true), Shape(refused[apiTask]));
            Assert.Equal(Shape(refused[apiTask]), Shape(refused[studioTask]));
        }
        Assert.Empty(await ExtensionsAsync(apiTask, studioTask));

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/tasks/{apiTask}/extensions",
            new { newDueDate = "2100-01-10", reason = "等待省级数据" })).StatusCode);
        var asked = await UseCase<RequestExtension>().HandleAsync(Shangcheng, studioTask, new RequestExtension.Request(new DateOnly(2100, 1, 10), null, "等待省级数据"));
        Assert.Equal(ExtensionStatus.Pending, asked.Status);
        var entries = await AuditAsync(apiTask, studioTask);
        Assert.Equal(("jx-330102", "extension.request", 200, false), Shape(entries[apiTask]));
        Assert.Equal(Shape(entries[apiTask]), Shape(entries[studioTask]));
        Assert.Equal("studio", entries[studioTask].RemoteAddress);
        Assert.All(await ExtensionsAsync(apiTask, studioTask), e => Assert.Equal((new DateOnly(2100, 1, 10), "jx-330102"), (DueDay.Of(e.RequestedDueAt), e.RequestedBy)));
    }

    private async Task<List<ExtensionRequest>> ExtensionsAsync(params Guid[] tasks)
    {
        await using var db = UseCase<DbFactory>().Create();
        return await db.Extensions.AsNoTracking().Where(e => tasks.Contains(e.TaskId)).ToListAsync();
    }

    private T UseCase<T>() where T : notnull => app.Factory.Services.GetRequiredService<T>();

    private static (string, string, int, bool) Shape(AuditEntry e) => (e.UserName, e.Method, e.Status, e.Refused);

    /// <summary>The latest audit entry about each task, by the use case's subject.</summary>
    private async Task<Dictionary<Guid, AuditEntry>> AuditAsync(params Guid[] tasks)
    {
        await using var db = UseCase<AccountsDb>().Create();
        var result = new Dictionary<Guid, AuditEntry>();
        foreach (var task in tasks)
        {
            var subject = TaskGate.Subject(task);
            result[task] = await db.Audit.AsNoTracking().Where(a => a.Path == subject).OrderByDescending(a => a.Id).FirstAsync();
        }
        return result;
    }

    private async Task<List<WorkTask>> TasksAsync(params Guid[] ids)
    {
        await using var db = UseCase<DbFactory>().Create();
        return await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
    }

    /// <summary>A review task (Accept / Return) of 上城区经信局 in a flow of its own.</summary>
    private async Task<Guid> ReviewTaskAsync(string id, string? dueAt = null)
    {
        var due = dueAt is null ? "" : $", \"dueAt\": \"{dueAt}\"";
        using var admin = await app.ClientAsync("admin");
        var json = $$"""
        { "id": "{{id}}", "name": "{{id}}", "variables": [ { "name": "leadAgency", "type": "string", "default": "rlsb-330000" } ],
          "activities": [ { "id": "start", "type": "Start" },
            { "id": "review", "type": "HumanTask", "properties": { "title": "审核", "assignee": "jx-330102", "outcomes": ["Accept", "Return"]{{due}} } },
            { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "review" }, { "from": "review", "outcome": "Accept", "to": "end" },
            { "from": "review", "outcome": "Return", "to": "end" } ] }
        """;
        (await admin.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id });
        var instance = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tasks = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}"))!["items"]!.AsArray();
        return Assert.Single(tasks)!["id"]!.GetValue<Guid>();
    }
}
