using System.Text.Json.Nodes;
using NJsonSchema;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Definitions;

public sealed class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFileAsync(RepositoryRoot.Combine("workflows", "schema", "workflow-definition.schema.json")).GetAwaiter().GetResult();

    public static TheoryData<string> CheckedInDefinitions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("workflows"), "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/schema/", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CheckedInDefinitions))]
    public void EveryCheckedInDefinition_MatchesTheSchema(string file)
    {
        var errors = Schema.Validate(File.ReadAllText(RepositoryRoot.Combine(file)));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void ADefinitionWithAnUnknownField_FailsTheSchema()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("workflows", "examples", "fork-join.json")))!.AsObject();
        json["colour"] = "red";
        json["connections"]!.AsArray()[0]!["outcome"] = "";

        var errors = Schema.Validate(json.ToJsonString());

        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Path == "#/colour");
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.ArrayItemNotValid && e.Path == "#/connections[0]");
    }
}
