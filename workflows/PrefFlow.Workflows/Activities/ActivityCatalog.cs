using System.Diagnostics.CodeAnalysis;

namespace PrefFlow.Workflows.Activities;

/// <summary>A fixed catalogue built from a list of descriptors.</summary>
public sealed class ActivityCatalog : IActivityCatalog
{
    private readonly Dictionary<string, ActivityDescriptor> _byName = new(StringComparer.Ordinal);

    /// <summary>A catalogue of <paramref name="activities"/>, in the order given.</summary>
    /// <exception cref="ArgumentException">Two activities share a name.</exception>
    public ActivityCatalog(IEnumerable<ActivityDescriptor> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ActivityDescriptor[] list = activities.ToArray();
        foreach (ActivityDescriptor activity in list)
        {
            ArgumentNullException.ThrowIfNull(activity, nameof(activities));
            if (!_byName.TryAdd(activity.Name, activity))
            {
                throw new ArgumentException($"the activity name '{activity.Name}' appears more than once: names must be unique.", nameof(activities));
            }
        }
        Activities = Array.AsReadOnly(list);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ActivityDescriptor> Activities { get; }

    /// <inheritdoc/>
    public bool TryGet(string name, [MaybeNullWhen(false)] out ActivityDescriptor descriptor) =>
        _byName.TryGetValue(name, out descriptor);
}
