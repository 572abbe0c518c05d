namespace PrefFlow.Workflows.Schedules;

/// <summary>What one iteration of a schedule samples and keeps.</summary>
/// <param name="Index">The iteration, 0-based.</param>
/// <param name="Prompts">M_i, the prompts the iteration samples (at least 1).</param>
/// <param name="KeptPairs">The labelled pairs selection keeps: floor(keepFraction * M_i + 1e-9), at least 1.</param>
public readonly record struct IterationBudget(int Index, int Prompts, int KeptPairs);
