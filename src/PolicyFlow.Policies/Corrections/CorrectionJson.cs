using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyFlow.Policies.Corrections;

/// <summary>The stored shape of a correction: camelCase, kinds by name, Chinese readable.</summary>
public static class CorrectionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(PolicyCorrection correction) => JsonSerializer.Serialize(correction, Options);

    public static PolicyCorrection? Deserialize(string json) => JsonSerializer.Deserialize<PolicyCorrection>(json, Options);
}
