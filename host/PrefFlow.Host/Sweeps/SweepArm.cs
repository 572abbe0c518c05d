namespace PrefFlow.Host.Sweeps;

/// <summary>One workflow a sweep runs: a definition with fixed parameters, crossed with every grid point.</summary>
/// <param name="Label">The arm's name in tables and plots; the definition's name when a sweep has one arm.</param>
/// <param name="Definition">A definition's JSON file (relative to the sweep file) or a built-in definition's name.</param>
/// <param name="Parameters">Parameter values every run of the arm gets (grid values override them).</param>
internal sealed record SweepArm(string Label, string Definition, IReadOnlyDictionary<string, string> Parameters);
