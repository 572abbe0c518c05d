using System.Diagnostics.CodeAnalysis;

namespace PrefFlow.Workflows.Activities;

/// <summary>The activities an engine can execute, by name; also the catalogue definitions are validated against.</summary>
public sealed class ActivityRegistry : IActivityCatalog
{
    private readonly Dictionary<string, IActivity> _byName = new(StringComparer.Ordinal);
    private readonly ActivityCatalog _catalog;

    /// <summary>A registry of <paramref name="activities"/>, listed in the order given.</summary>
    /// <exception cref="ArgumentException">Two activities share a name.</exception>
    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        IActivity[] list = activities.ToArray();
        _catalog = new ActivityCatalog(list.Select(activity => activity.Descriptor));
        foreach (IActivity activity in list) _byName[activity.Descriptor.Name] = activity;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ActivityDescriptor> Activities => _catalog.Activities;

    /// <inheritdoc/>
    public bool TryGet(string name, [MaybeNullWhen(false)] out ActivityDescriptor descriptor) => _catalog.TryGet(name, out descriptor);

    /// <summary>The activity named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No activity has that name.</exception>
    public IActivity Get(string name) =>
        _byName.TryGetValue(name, out IActivity? activity)
            ? activity
            : throw new KeyNotFoundException($"no activity is named '{name}'; known activities are: {string.Join(", ", _byName.Keys)}.");
}
