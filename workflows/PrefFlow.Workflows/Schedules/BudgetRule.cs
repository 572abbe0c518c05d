namespace PrefFlow.Workflows.Schedules;

/// <summary>
/// How a named schedule shares its total over k iterations: iteration i (0-based) gets a share
/// proportional to its weight, i + 1 for <see cref="Increase"/>, k - i for <see cref="Decrease"/>, 1 for <see cref="Constant"/>.
/// </summary>
public enum BudgetRule
{
    /// <summary>Weights 1, 2, ..., k: later iterations sample more prompts (paper: 5000, 10000, 15000).</summary>
    Increase,

    /// <summary>Equal weights: every iteration samples the same number of prompts, give or take one (paper: 10000 x 3).</summary>
    Constant,

    /// <summary>Weights k, ..., 2, 1: earlier iterations sample more prompts (paper: 15000, 10000, 5000).</summary>
    Decrease,
}
