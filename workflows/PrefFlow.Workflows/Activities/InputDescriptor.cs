using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Activities;

/// <summary>One input an activity takes, as a definition's node binds it.</summary>
/// <param name="Name">The input's name, the key under the node's "inputs".</param>
/// <param name="Type">The type a literal or a bound value must have.</param>
/// <param name="Required">True when a node must give the input; an input with a <paramref name="Default"/> never has to.</param>
/// <param name="Default">The value used when the node does not give the input; null for none.</param>
/// <param name="Minimum">The smallest allowed value of a numeric input; null for no bound.</param>
/// <param name="Maximum">The largest allowed value of a numeric input; null for no bound.</param>
/// <param name="AllowedValues">The only values a string input may take; null for any string.</param>
/// <param name="Description">What the input means, for catalogue listings.</param>
public sealed record InputDescriptor(
    string Name,
    DataType Type,
    bool Required = false,
    JsonNode? Default = null,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null,
    string Description = "")
{
    /// <summary>True when <see cref="Minimum"/> itself is not allowed (e.g. a temperature above 0).</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>True when <see cref="Maximum"/> itself is not allowed.</summary>
    public bool ExclusiveMaximum { get; init; }

    /// <summary>True when a node that omits the input is wrong: it is required and has no default.</summary>
    public bool MustBeGiven => Required && Default is null;
}
