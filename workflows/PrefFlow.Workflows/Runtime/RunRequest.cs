namespace PrefFlow.Workflows.Runtime;

/// <summary>What a new run runs: a definition's JSON, parameter overrides and a seed.</summary>
/// <param name="DefinitionJson">The definition, as JSON text.</param>
/// <param name="Parameters">Parameter name to value, as JSON or plain text (see <see cref="ParameterValues.Resolve"/>).</param>
/// <param name="Seed">The run's seed; every random choice derives from it.</param>
/// <param name="RunId">The run's id; null for a new one made from the definition's id.</param>
public sealed record RunRequest(string DefinitionJson, IReadOnlyDictionary<string, string> Parameters, ulong Seed, string? RunId = null)
{
    /// <summary>The schedule whose tick asks for the run; null for a run started by hand.</summary>
    public string? ScheduleId { get; init; }
}
