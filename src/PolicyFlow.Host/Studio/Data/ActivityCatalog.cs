using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>The designer's palette: the registry's activity types, and the same as JSON for the canvas script.</summary>
internal sealed class ActivityCatalog(ActivityRegistry registry)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Lazy<string> _json = new(() => JsonSerializer.Serialize(registry.Descriptors, Json));

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; } = [.. registry.Descriptors];

    /// <summary>Serialized once: the registry does not change while the host runs.</summary>
    public string DescriptorsJson => _json.Value;

    public ActivityDescriptor? Find(string type) => Descriptors.FirstOrDefault(d => d.Type == type);
}
