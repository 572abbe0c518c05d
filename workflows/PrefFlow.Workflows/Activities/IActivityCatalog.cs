using System.Diagnostics.CodeAnalysis;

namespace PrefFlow.Workflows.Activities;

/// <summary>The activities a definition may use; the validator checks nodes against it.</summary>
public interface IActivityCatalog
{
    /// <summary>Every known activity, in listing order.</summary>
    IReadOnlyList<ActivityDescriptor> Activities { get; }

    /// <summary>Finds the activity named <paramref name="name"/> (names are case-sensitive).</summary>
    bool TryGet(string name, [MaybeNullWhen(false)] out ActivityDescriptor descriptor);
}
