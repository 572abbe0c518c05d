namespace PrefFlow.Host.Sweeps;

/// <summary>One dimension of a sweep's grid: a parameter and the values it takes, in order.</summary>
internal sealed record GridAxis(string Parameter, IReadOnlyList<string> Values);
