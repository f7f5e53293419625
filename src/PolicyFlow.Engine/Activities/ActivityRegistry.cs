using System.Diagnostics.CodeAnalysis;

namespace PolicyFlow.Engine.Activities;

/// <summary>The activity types the engine can run, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _byType = [];
        foreach (var activity in activities)
        {
            // The last registration wins, so an application can replace a built-in.
            _byType[activity.Descriptor.Type] = activity;
        }
    }

    public IEnumerable<ActivityDescriptor> Descriptors => _byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type);

    public bool TryGet(string type, [NotNullWhen(true)] out IActivity? activity) => _byType.TryGetValue(type, out activity);
}
