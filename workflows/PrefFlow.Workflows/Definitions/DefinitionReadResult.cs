using System.Diagnostics.CodeAnalysis;

namespace PrefFlow.Workflows.Definitions;

/// <summary>What reading a definition's JSON gave: the definition, or every error found.</summary>
public sealed class DefinitionReadResult
{
    internal DefinitionReadResult(WorkflowDefinition? definition, IReadOnlyList<DefinitionError> errors)
    {
        Definition = errors.Count == 0 ? definition : null;
        Errors = errors;
    }

    /// <summary>The definition; null when any error was found.</summary>
    public WorkflowDefinition? Definition { get; }

    /// <summary>Every error found, ordered by pointer then reason; empty when the JSON was read.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; }

    /// <summary>True when the JSON was read, and then <see cref="Definition"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;
}
