namespace PrefFlow.Learning.Pipeline;

/// <summary>Which model an iteration's preference training regularises towards.</summary>
public enum TrainingReference
{
    /// <summary>pi_ref, the SFT model, in every iteration (the paper's choice).</summary>
    Fixed,
    /// <summary>A frozen copy of pi^{i-1}, the policy the iteration starts from.</summary>
    PreviousIteration,
}
