using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Definitions;

public sealed class ValidationTests
{
    private const string Valid = """
    { "id": "d", "name": "D", "variables": [ { "name": "n", "type": "integer" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "t", "type": "HumanTask", "properties": { "title": "T", "assignee": "x" } },
        { "id": "dec", "type": "Decision", "properties": { "condition": "n >= 1" } },
        { "id": "end", "type": "End" } ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "t" },
        { "from": "t", "outcome": "Done", "to": "dec" },
        { "from": "dec", "outcome": "True", "to": "end" },
        { "from": "dec", "outcome": "False", "to": "t" } ] }
    """;

    /// <summary>Each broken definition, and the JSON path its error must name.</summary>
    public static TheoryData<string, string, string> Broken() => new()
    {
        { "not JSON", "{ \"id\": ", "$" },
        { "unknown activity type", Valid.Replace("\"type\": \"End\"", "\"type\": \"Teleport\""), "$.activities[3].type" },
        { "duplicate id", Valid.Replace("{ \"id\": \"end\", \"type\": \"End\" }", "{ \"id\": \"t\", \"type\": \"End\" }"), "$.activities[3].id" },
        { "dangling connection", Valid.Replace("\"to\": \"end\"", "\"to\": \"nowhere\""), "$.connections[2].to" },
        { "unknown outcome", Valid.Replace("\"outcome\": \"True\"", "\"outcome\": \"Maybe\""), "$.connections[2].outcome" },
        { "unreachable activity", Valid.Replace("{ \"from\": \"dec\", \"outcome\": \"True\", \"to\": \"end\" },", ""), "$.activities[3]" },
        { "missing required property", Valid.Replace("\"title\": \"T\", ", ""), "$.activities[1].properties.title" },
        { "ill-typed property", Valid.Replace("\"title\": \"T\"", "\"title\": 42"), "$.activities[1].properties.title" },
        { "no start", Valid.Replace("\"type\": \"Start\"", "\"type\": \"Join\""), "$.activities" },
        { "loop with no waiting activity", Valid.Replace("\"type\": \"HumanTask\", \"properties\": { \"title\": \"T\", \"assignee\": \"x\" }", "\"type\": \"Join\""), "$.activities[1]" },
        { "unparseable condition", Valid.Replace("n >= 1", "n is big"), "$.activities[2].properties.condition" },
        { "unknown property", Valid.Replace("\"assignee\": \"x\"", "\"assignee\": \"x\", \"colour\": \"red\""), "$.activities[1].properties.colour" },
        { "missing name", Valid.Replace("\"name\": \"D\",", ""), "$.name" },
        { "activities not an array", """{ "id": "d", "name": "D", "activities": {}, "connections": [] }""", "$.activities" },
        { "duplicate variable", Valid.Replace("{ \"name\": \"n\", \"type\": \"integer\" }", "{ \"name\": \"n\", \"type\": \"integer\" }, { \"name\": \"n\", \"type\": \"string\" }"), "$.variables[1].name" },
        { "unknown variable type", Valid.Replace("\"type\": \"integer\"", "\"type\": \"decimal128\""), "$.variables[0].type" },
        { "outcome connected twice", Valid.Replace("{ \"from\": \"dec\", \"outcome\": \"False\", \"to\": \"t\" }", "{ \"from\": \"dec\", \"outcome\": \"False\", \"to\": \"t\" }, { \"from\": \"dec\", \"outcome\": \"False\", \"to\": \"end\" }"), "$.connections[4].outcome" },
        { "bad id characters", Valid.Replace("\"id\": \"d\"", "\"id\": \"../etc\""), "$.id" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task SavingABrokenDefinition_IsRejectedWithItsJsonPath_AndStoresNothing(string defect, string json, string path)
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        await h.PublishAsync(Flows.ForkJoin);

        var error = await Assert.ThrowsAsync<InvalidDefinitionException>(() => h.Definitions.SaveDraftAsync(json, "test"));

        Assert.True(error.Errors.Any(e => e.Path == path), $"{defect}: expected an error at {path}, got: {string.Join(" | ", error.Errors)}");
        await using var db = h.Db.Create();
        Assert.Equal(["fork-join"], await db.Definitions.Select(d => d.DefinitionId).ToListAsync());
    }

    [Fact]
    public async Task AValidDefinitionWithALoopThroughATask_IsAccepted()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");

        var saved = await h.Definitions.SaveDraftAsync(Valid, "test");

        Assert.Equal(1, saved.Version);
        Assert.Equal(DefinitionStatus.Draft, saved.Status);
    }

    [Fact]
    public void EveryDefectIsReported_NotJustTheFirst()
    {
        var validator = new DefinitionValidator(new Activities.ActivityRegistry([]));
        var json = Valid.Replace("\"name\": \"D\",", "");

        var error = Assert.Throws<InvalidDefinitionException>(() => validator.Parse(json));

        Assert.Contains(error.Errors, e => e.Path == "$.name");
        Assert.Contains(error.Errors, e => e.Path == "$.activities[0].type" && e.Message.Contains("unknown activity type 'Start'"));
        Assert.True(error.Errors.Count >= 5);
    }
}
