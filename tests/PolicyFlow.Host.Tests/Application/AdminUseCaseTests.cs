using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Policies;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Agencies;
using PolicyFlow.Host.Application.Definitions;
using PolicyFlow.Host.Application.Instances;
using PolicyFlow.Host.Application.Outbox;
using PolicyFlow.Host.Application.Policies;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// The policy office's and administrators' Studio actions — cancel, retry, save a draft, publish a definition, import and
/// launch a policy, edit a contact, read the outbox — call the same use case as the API: the same users are refused, and
/// the API call and the Studio call leave the same audit entry (user, operation, status, refused), allowed or not.
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class AdminUseCaseTests(AuthApp app)
{
    private static readonly Caller Office = new("policy-office", new HashSet<string> { Roles.PolicyOffice }, "");
    private static readonly Caller Admin = new("admin", new HashSet<string> { Roles.Administrator }, "");
    private static readonly Caller Shangcheng = new("jx-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");

    [Fact]
    public async Task CancellingAnInstance_LeavesTheSameAuditEntryFromTheStudioAsFromTheApi_AndRefusesTheSameUsers()
    {
        var (a, b, c) = (await LaunchAsync("uc-cancel"), await LaunchAsync("uc-cancel"), await LaunchAsync("uc-cancel"));
        using var office = await app.ClientAsync("policy-office");
        using var staff = await app.ClientAsync("jx-330102");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/workflow-instances/{a}/cancel", null)).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<CancelInstance>().HandleAsync(Shangcheng, b));
        await AssertSameAsync(CancelInstance.Subject(a), CancelInstance.Subject(b), ("jx-330102", "instance.cancel", 403, true));
        Assert.All(await StatusesAsync(a, b), s => Assert.NotEqual(InstanceStatus.Cancelled, s));

        Assert.True((await office.PostAsync($"/api/workflow-instances/{a}/cancel", null)).IsSuccessStatusCode);
        Assert.True(await UseCase<CancelInstance>().HandleAsync(Office, b));
        await AssertSameAsync(CancelInstance.Subject(a), CancelInstance.Subject(b), ("policy-office", "instance.cancel", 200, false));
        Assert.All(await StatusesAsync(a, b), s => Assert.Equal(InstanceStatus.Cancelled, s));
        Assert.NotEqual(InstanceStatus.Cancelled, (await StatusesAsync(c)).Single());
    }

    [Fact]
    public async Task RetryingAnInstanceThatIsNotFaulted_IsRefusedAlike_AndTheRefusalIsAuditedAlike()
    {
        var (a, b) = (await LaunchAsync("uc-retry"), await LaunchAsync("uc-retry"));
        using var admin = await app.ClientAsync("admin");
        using var office = await app.ClientAsync("policy-office");

        // Retrying belongs to administrators only; the policy office is refused at the door and in the Studio alike.
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/workflow-instances/{a}/retry", null)).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<RetryInstance>().HandleAsync(Office, b));
        await AssertSameAsync(CancelInstance.Subject(a), CancelInstance.Subject(b), ("policy-office", "instance.retry", 403, true));

        // An administrator may retry, but a running instance has nothing to retry: the engine's refusal is audited alike.
        var refused = await admin.PostAsync($"/api/workflow-instances/{a}/retry", null);
        Assert.True((int)refused.StatusCode is 400 or 409, await refused.Content.ReadAsStringAsync());
        var error = await Assert.ThrowsAsync<EngineException>(() => UseCase<RetryInstance>().HandleAsync(Admin, b));
        await AssertSameAsync(CancelInstance.Subject(a), CancelInstance.Subject(b), ("admin", "instance.retry", (int)refused.StatusCode, true));
        Assert.NotNull(error.Message);
    }

    [Fact]
    public async Task SavingADraftAndPublishing_RecordWhoDidIt_TheSameFromTheDesignerAsFromTheApi()
    {
        using var office = await app.ClientAsync("policy-office");
        using var staff = await app.ClientAsync("jx-330102");
        var (apiId, studioId) = ("uc-draft-api", "uc-draft-studio");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsync($"/api/workflow-definitions/{apiId}/draft", Json(Flow(apiId)))).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<SaveDefinitionDraft>().HandleAsync(Shangcheng, Flow(studioId)));
        await AssertSameAsync(SaveDefinitionDraft.Subject(apiId), SaveDefinitionDraft.Subject(studioId), ("jx-330102", "definition.draft", 403, true));

        Assert.True((await office.PutAsync($"/api/workflow-definitions/{apiId}/draft", Json(Flow(apiId)))).IsSuccessStatusCode);
        await UseCase<SaveDefinitionDraft>().HandleAsync(Office, Flow(studioId));
        await AssertSameAsync(SaveDefinitionDraft.Subject(apiId), SaveDefinitionDraft.Subject(studioId), ("policy-office", "definition.draft", 200, false));

        // A broken definition is refused with its defects, audited alike, and stores nothing.
        var broken = Flow(apiId).Replace("\"to\": \"task\"", "\"to\": \"nowhere\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PutAsync($"/api/workflow-definitions/{apiId}/draft", Json(broken))).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => UseCase<SaveDefinitionDraft>().HandleAsync(Office, broken.Replace(apiId, studioId, StringComparison.Ordinal)));
        await AssertSameAsync(SaveDefinitionDraft.Subject(apiId), SaveDefinitionDraft.Subject(studioId), ("policy-office", "definition.draft", 400, true));

        Assert.True((await office.PostAsync($"/api/workflow-definitions/{apiId}/publish", null)).IsSuccessStatusCode);
        var published = await UseCase<PublishDefinition>().HandleAsync(Office, studioId);
        await AssertSameAsync(SaveDefinitionDraft.Subject(apiId), SaveDefinitionDraft.Subject(studioId), ("policy-office", "definition.publish", 200, false));
        Assert.Equal("policy-office", published.PublishedBy);
    }

    [Fact]
    public async Task ImportingAndLaunchingAPolicy_AreRefusedAndAuditedAlike()
    {
        using var office = await app.ClientAsync("policy-office");
        using var staff = await app.ClientAsync("jx-330102");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/policies/p2024-151-d27fde/launch", null)).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<LaunchPolicy>().HandleAsync(Shangcheng, "p2024-151-d27fde", null));
        var launches = await EntriesAsync("/policies/p2024-151-d27fde", 2);
        Assert.Equal(Shape(launches[0]), Shape(launches[1]));
        Assert.Equal(("jx-330102", "policy.launch", 403, true), Shape(launches[0]));
        Assert.Equal(0, await InstancesOfPolicyAsync("p2024-151-d27fde"));

        // A text that is no policy document: the same reason, the same 400 audited, nothing stored.
        const string text = "这不是一份政策文件。";
        var response = await office.PostAsJsonAsync("/api/policies", new { text, acceptUnmapped = false });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refusal = await Assert.ThrowsAsync<PolicyFormatException>(() =>
            UseCase<PublishPolicy>().HandleAsync(Office, new ImportRequest(text, null, null, false)));
        Assert.Contains(refusal.Message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var imports = await EntriesAsync("/policies", 2);
        Assert.Equal(Shape(imports[0]), Shape(imports[1]));
        Assert.Equal(("policy-office", "policy.publish", 400, true), Shape(imports[0]));
    }

    [Fact]
    public async Task EditingAContact_IsTheAdministratorsAlike_AndABadAddressIsRefusedAlike()
    {
        using var admin = await app.ClientAsync("admin");
        using var office = await app.ClientAsync("policy-office");
        var subject = "/agencies/jx-330106/contact";

        Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync("/api/agencies/jx-330106/contact", new { email = "a@zj.gov.cn" })).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<EditContact>().HandleAsync(Office, "jx-330106", new EditContact.Request("a@zj.gov.cn", null, null)));
        var refused = await EntriesAsync(subject, 2);
        Assert.Equal(Shape(refused[0]), Shape(refused[1]));
        Assert.Equal(("policy-office", "agency.contact", 403, true), Shape(refused[0]));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/agencies/jx-330106/contact", new { email = "not-an-address" })).StatusCode);
        await Assert.ThrowsAsync<EngineException>(() => UseCase<EditContact>().HandleAsync(Admin, "jx-330106", new EditContact.Request("not-an-address", null, null)));
        var invalid = await EntriesAsync(subject, 2);
        Assert.Equal(Shape(invalid[0]), Shape(invalid[1]));
        Assert.Equal(("admin", "agency.contact", 400, true), Shape(invalid[0]));
        Assert.Null(await ContactAsync("jx-330106"));

        Assert.True((await admin.PutAsJsonAsync("/api/agencies/jx-330106/contact", new { email = "xihu-api@zj.gov.cn" })).IsSuccessStatusCode);
        await UseCase<EditContact>().HandleAsync(Admin, "jx-330106", new EditContact.Request(" xihu-studio@zj.gov.cn ", "王芳", null));
        var saved = await EntriesAsync(subject, 2);
        Assert.Equal(Shape(saved[0]), Shape(saved[1]));
        Assert.Equal(("admin", "agency.contact", 200, false), Shape(saved[0]));
        Assert.Equal(("xihu-studio@zj.gov.cn", "王芳", "admin"), await ContactAsync("jx-330106"));
    }

    [Fact]
    public async Task TheOutbox_IsRefusedToAnAgencyAlike_AndReadByLeadership()
    {
        using var staff = await app.ClientAsync("jx-330102");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/outbox")).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => UseCase<OutboxList>().HandleAsync(Shangcheng, new OutboxList.Request()));
        var entries = await EntriesAsync("/outbox", 2);
        Assert.Equal(Shape(entries[0]), Shape(entries[1]));
        Assert.Equal(("jx-330102", "outbox.read", 403, true), Shape(entries[0]));

        using var leader = await app.ClientAsync("leader");
        var api = await leader.GetFromJsonAsync<JsonObject>("/api/outbox?take=5");
        var studio = await UseCase<OutboxList>().HandleAsync(new Caller("leader", new HashSet<string> { Roles.Leadership }, ""), new OutboxList.Request(Take: 5));
        Assert.Equal(api!["total"]!.GetValue<int>(), studio.Total);
    }

    private T UseCase<T>() where T : notnull => app.Factory.Services.GetRequiredService<T>();

    private static (string, string, int, bool) Shape(AuditEntry e) => (e.UserName, e.Method, e.Status, e.Refused);

    /// <summary>The latest entry about each subject is the same, and is <paramref name="expected"/>.</summary>
    private async Task AssertSameAsync(string apiSubject, string studioSubject, (string, string, int, bool) expected)
    {
        var api = (await EntriesAsync(apiSubject, 1)).Single();
        var studio = (await EntriesAsync(studioSubject, 1)).Single();
        Assert.Equal(expected, Shape(api));
        Assert.Equal(Shape(api), Shape(studio));
        Assert.Equal("studio", studio.RemoteAddress);
    }

    /// <summary>The latest <paramref name="count"/> audit entries about <paramref name="subject"/>, newest first.</summary>
    private async Task<List<AuditEntry>> EntriesAsync(string subject, int count)
    {
        await using var db = UseCase<AccountsDb>().Create();
        return await db.Audit.AsNoTracking().Where(a => a.Path == subject).OrderByDescending(a => a.Id).Take(count).ToListAsync();
    }

    private async Task<List<InstanceStatus>> StatusesAsync(params Guid[] ids)
    {
        await using var db = UseCase<DbFactory>().Create();
        return await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Status).ToListAsync();
    }

    private async Task<int> InstancesOfPolicyAsync(string policyId)
    {
        await using var db = UseCase<DbFactory>().Create();
        var ids = (await db.Measures.AsNoTracking().Where(m => m.PolicyId == policyId).ToListAsync()).Select(PolicyLauncher.InstanceIdOf).ToList();
        return await db.Instances.CountAsync(i => ids.Contains(i.Id));
    }

    private async Task<(string, string?, string)?> ContactAsync(string agencyId)
    {
        await using var db = UseCase<DbFactory>().Create();
        var contact = await db.AgencyContacts.AsNoTracking().FirstOrDefaultAsync(c => c.AgencyId == agencyId);
        return contact is null ? null : (contact.Email, contact.ContactName, contact.UpdatedBy);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Flow(string id) => $$"""
        { "id": "{{id}}", "name": "{{id}}",
          "activities": [ { "id": "start", "type": "Start" },
            { "id": "task", "type": "HumanTask", "properties": { "title": "办理", "assignee": "jx-330102" } }, { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "task" }, { "from": "task", "outcome": "Done", "to": "end" } ] }
        """;

    /// <summary>A running instance of a one-task flow of its own.</summary>
    private async Task<Guid> LaunchAsync(string id)
    {
        using var admin = await app.ClientAsync("admin");
        (await admin.PutAsync($"/api/workflow-definitions/{id}/draft", Json(Flow(id)))).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id });
        launched.EnsureSuccessStatusCode();
        return (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
