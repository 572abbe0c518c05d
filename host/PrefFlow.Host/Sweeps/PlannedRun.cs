namespace PrefFlow.Host.Sweeps;

/// <summary>One run of a sweep with what creating it needs.</summary>
/// <param name="Member">The cell, seed and run id (see <see cref="SweepPlan"/>).</param>
/// <param name="DefinitionJson">The definition's text.</param>
/// <param name="Parameters">The run's parameter overrides: the arm's, then the cell's.</param>
internal sealed record PlannedRun(SweepMember Member, string DefinitionJson, IReadOnlyDictionary<string, string> Parameters);
