using System.Collections.Concurrent;
using Fluid;

namespace PolicyFlow.Activities.Notifications;

/// <summary>
/// Finds a template by culture and name (<c>TaskAssigned.subject</c>): an administrator's file in the templates folder
/// first, then the default embedded in this assembly. Edited files are picked up without a restart.
/// </summary>
internal sealed class NotificationTemplates(string? overrideFolder)
{
    /// <summary>Resource names are <c>PolicyFlow.Notifications.{culture}/{name}.liquid</c> (the csproj sets LogicalName).</summary>
    public const string ResourcePrefix = "PolicyFlow.Notifications.";
    private const string Extension = ".liquid";

    private static readonly FluidParser Parser = new();
    private static readonly Lazy<Dictionary<string, IFluidTemplate>> Embedded = new(LoadEmbedded);

    private readonly ConcurrentDictionary<string, (DateTime Stamp, IFluidTemplate? Template)> _overrides = new(StringComparer.Ordinal);

    /// <summary>The first culture of <paramref name="cultures"/> that has template <paramref name="name"/>, or null.</summary>
    public string? CultureFor(IEnumerable<string> cultures, string name) =>
        cultures.FirstOrDefault(c => Override(c, name) is not null || Embedded.Value.ContainsKey(Key(c, name)));

    /// <summary>Template <paramref name="name"/> for the first of <paramref name="cultures"/> that has one.</summary>
    public IFluidTemplate Find(IReadOnlyList<string> cultures, string name)
    {
        foreach (var culture in cultures)
        {
            if (Override(culture, name) is { } custom)
            {
                return custom;
            }
            if (Embedded.Value.TryGetValue(Key(culture, name), out var template))
            {
                return template;
            }
        }
        throw new InvalidOperationException($"No notification template '{name}' exists for {string.Join(", ", cultures)}.");
    }

    /// <summary>Every template file in the folder that does not parse, with the parser's message.</summary>
    public IReadOnlyList<string> ValidateOverrides()
    {
        if (overrideFolder is null || !System.IO.Directory.Exists(overrideFolder))
        {
            return [];
        }
        var errors = new List<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(overrideFolder, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Parser.TryParse(File.ReadAllText(path), out _, out var error))
            {
                errors.Add($"{path}: {error}");
            }
        }
        return errors;
    }

    private IFluidTemplate? Override(string culture, string name)
    {
        if (overrideFolder is null)
        {
            return null;
        }
        var path = Path.Combine(overrideFolder, culture, name + Extension);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var stamp = File.GetLastWriteTimeUtc(path);
            if (_overrides.TryGetValue(path, out var cached) && cached.Stamp == stamp)
            {
                return cached.Template;
            }
            // A file that does not parse falls back to the default: an editing slip must not fail the workflow step that
            // sends the mail. ValidateOverrides reports it at start.
            var template = Parser.TryParse(File.ReadAllText(path), out var parsed, out _) ? parsed : null;
            _overrides[path] = (stamp, template);
            return template;
        }
        catch (IOException)
        {
            // Being replaced right now: the default serves this one message.
            return null;
        }
    }

    private static string Key(string culture, string name) => $"{culture}/{name}";

    private static Dictionary<string, IFluidTemplate> LoadEmbedded()
    {
        var assembly = typeof(NotificationTemplates).Assembly;
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            // RecursiveDir gives the culture folder with the build machine's separator.
            var key = resource[ResourcePrefix.Length..^Extension.Length].Replace('\\', '/');
            templates[key] = Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
                ? template
                : throw new InvalidOperationException($"The embedded notification template {resource} does not parse: {error}");
        }
        if (templates.Count == 0)
        {
            throw new InvalidOperationException(
                $"No notification templates are embedded in {assembly.GetName().Name}: the project must embed Notifications/Templates/**/*.liquid " +
                $"with LogicalName {ResourcePrefix}%(RecursiveDir)%(Filename)%(Extension).");
        }
        return templates;
    }
}
