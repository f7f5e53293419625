using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Host.Endpoints.Outbox;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>The outbox list the Studio's outbox page reads: status, attempts and the server's answer, newest first.</summary>
public sealed class OutboxEndpointTests
{
    [Fact]
    public async Task OutboxList_ShowsEachMessagesStatusAndTheServersAnswer_NewestFirst_FilteredByStatusAndRecipient()
    {
        await using var sink = await SmtpSink.StartNewAsync("nobody@zj.gov.cn");
        await using var harness = await MailHarness.StartAsync("Sqlite", sink);
        await harness.AssignAsync("任务一", new Recipient("first@zj.gov.cn", "甲单位"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.AssignAsync("任务二", new Recipient("nobody@zj.gov.cn", "不存在的单位"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.AssignAsync("任务三", new Recipient("third@zj.gov.cn", "丙单位"));
        await harness.Dispatcher.DispatchAsync(50);
        await using var app = await StartApiAsync(harness);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var all = await client.GetFromJsonAsync<JsonObject>("/api/outbox");
        var failed = await client.GetFromJsonAsync<JsonObject>("/api/outbox?status=Failed");
        var byAddress = await client.GetFromJsonAsync<JsonObject>("/api/outbox?to=third&take=1");

        Assert.Equal(3, all!["total"]!.GetValue<int>());
        Assert.Equal(["third@zj.gov.cn", "nobody@zj.gov.cn", "first@zj.gov.cn"], all["items"]!.AsArray().Select(i => i!["to"]!.GetValue<string>()));
        var rejected = Assert.Single(failed!["items"]!.AsArray())!;
        Assert.Equal("Failed", rejected["status"]!.GetValue<string>());
        Assert.Equal("TaskAssigned", rejected["kind"]!.GetValue<string>());
        Assert.Equal(1, rejected["attempts"]!.GetValue<int>());
        Assert.Contains("550", rejected["lastError"]!.GetValue<string>());
        Assert.StartsWith("<TaskAssigned.", rejected["messageId"]!.GetValue<string>());
        Assert.Equal("【任务交办】任务二", rejected["subject"]!.GetValue<string>());
        var sent = Assert.Single(byAddress!["items"]!.AsArray())!;
        Assert.Equal(("Sent", 1), (sent["status"]!.GetValue<string>(), byAddress["total"]!.GetValue<int>()));
        Assert.NotNull(sent["sentAt"]);
    }

    private static async Task<WebApplication> StartApiAsync(MailHarness harness)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddScoped<PolicyFlowDbContext>(_ => harness.Db.Create());
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.MapGroup("/api").MapOutboxEndpoints();
        await app.StartAsync();
        return app;
    }
}
