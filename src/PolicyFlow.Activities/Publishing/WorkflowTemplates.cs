using System.Reflection;

namespace PolicyFlow.Activities.Publishing;

/// <summary>The definition templates shipped in <c>workflows/templates</c> (embedded at build).</summary>
public static class WorkflowTemplates
{
    public const string Measure = "measure";
    public const string City = "measure-city";
    public const string County = "measure-county";

    /// <summary>The definitions every policy's measures rely on, published at start.</summary>
    public static IReadOnlyList<string> Shared { get; } = [City, County];

    public static string Read(string name)
    {
        var resource = $"PolicyFlow.Workflows.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Workflow template {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
