using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>Lets System.Text.Json read and write <see cref="DueRule"/> through the same strict reader.</summary>
internal sealed class DueRuleJsonConverter : JsonConverter<DueRule>
{
    public override DueRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DueRule.TryParse(JsonNode.Parse(ref reader), out var rule, out var error) ? rule! : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, DueRule value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.ToJson().WriteTo(writer, options);
    }
}
