using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Studio;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// Item 9: every <c>/api/reports</c> endpoint has a typed result in the host's OpenAPI document — a named schema with the
/// properties clients read, the .xlsx and PDF media types for the files, and ProblemDetails for a refusal.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ReportsOpenApiTests(StudioHost host)
{
    public static TheoryData<string, string, string, string[]> Json() => new()
    {
        { "get", "/api/reports/warning-lights", "LightRow", ["key", "name", "red", "yellow", "green", "open"] },
        { "get", "/api/reports/matrix", "Matrix", ["policyId", "asOf", "columns", "rows"] },
        { "get", "/api/reports/overdue", "OverduePage", ["total", "page", "pageSize", "items"] },
        { "get", "/api/reports/ranking", "Ranking", ["of", "period", "from", "to", "rows"] },
        { "get", "/api/reports/ranking/rules", "FigureRule", ["zhCN", "en"] },
        { "get", "/api/reports/trend", "Trend", ["asOf", "points"] },
        { "get", "/api/reports/bulletin", "Bulletin", ["issuer", "year", "number", "issuedOn", "asOf", "summary", "agencies", "regions", "rankings", "rules"] },
        { "post", "/api/reports/urge/preview", "UrgePreview", ["willUrge", "alreadyUrgedToday", "agencies"] },
        { "post", "/api/reports/urge", "UrgeResult", ["urged", "refused"] },
    };

    [Theory]
    [MemberData(nameof(Json))]
    public async Task ReportEndpoint_HasANamedJsonSchema_AndProblemDetailsForARefusal(string method, string path, string schema, string[] properties)
    {
        var document = await host.GetObjectAsync("/openapi/v1.json");
        var operation = document["paths"]?[path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method} {path} is not in the OpenAPI document");
        var content = operation["responses"]?["200"]?["content"]?["application/json"]?["schema"]
            ?? throw new Xunit.Sdk.XunitException($"{method} {path} has no application/json 200 response");
        var name = Ref(content) ?? throw new Xunit.Sdk.XunitException($"{method} {path}: 200 is not a named schema: {content.ToJsonString()}");
        Assert.Equal(schema, name);
        var declared = document["components"]!["schemas"]![name]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(properties, p => Assert.Contains(p, declared));
        Assert.NotNull(operation["responses"]?["403"]?["content"]?["application/problem+json"]);
        Assert.NotNull(operation["responses"]?["400"]?["content"]?["application/problem+json"]);
    }

    [Theory]
    [InlineData("/api/reports/export", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/reports/bulletin.pdf", "application/pdf")]
    public async Task FileEndpoint_DeclaresItsMediaType(string path, string mediaType)
    {
        var document = await host.GetObjectAsync("/openapi/v1.json");
        var responses = document["paths"]?[path]?["get"]?["responses"] ?? throw new Xunit.Sdk.XunitException($"GET {path} is not in the OpenAPI document");
        Assert.NotNull(responses["200"]?["content"]?[mediaType]);
        Assert.NotNull(responses["403"]?["content"]?["application/problem+json"]);
    }

    /// <summary>The component a schema names: directly, as the items of an array, or inside a nullable wrapper.</summary>
    private static string? Ref(JsonNode node) => node switch
    {
        JsonObject o when o["$ref"] is { } r => r.GetValue<string>().Split('/')[^1],
        JsonObject o => o.Select(p => p.Value is null ? null : Ref(p.Value)).FirstOrDefault(n => n is not null),
        JsonArray a => a.Select(n => n is null ? null : Ref(n)).FirstOrDefault(n => n is not null),
        _ => null,
    };
}
