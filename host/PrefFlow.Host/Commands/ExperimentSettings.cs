using PrefFlow.Learning.Selection;

namespace PrefFlow.Host.Commands;

/// <summary>The parsed arguments of <c>prefflow experiment</c>.</summary>
internal sealed record ExperimentSettings(
    string Preset,
    ulong Seed,
    int Prompts,
    int Responses,
    SelectionBudget Budget,
    IReadOnlyList<MarginOrder> Strategies,
    bool LengthNormalised,
    int SftSteps,
    int OfflinePrompts,
    int EvaluationPrompts,
    double LearningRate,
    double NllWeight,
    double Beta,
    int Epochs,
    string Device,
    int? Threads)
{
    /// <summary>Checks every argument before any training starts, naming the option at fault.</summary>
    public void Validate()
    {
        Require(PrefFlow.Learning.Model.PolicyPresets.Names.Contains(Preset, StringComparer.OrdinalIgnoreCase),
            $"--preset '{Preset}' is unknown: expected one of {string.Join(", ", PrefFlow.Learning.Model.PolicyPresets.Names)}");
        Require(Device is "cpu" or "cuda" or "auto", $"--device '{Device}' is unknown: expected cpu, cuda or auto");
        Require(Prompts >= 1, "--prompts must be at least 1");
        Require(Responses >= 2, "--responses must be at least 2: a pair needs two responses");
        Require(SftSteps >= 1, "--sft-steps must be at least 1");
        Require(OfflinePrompts >= 1, "--offline-prompts must be at least 1");
        Require(EvaluationPrompts >= 1, "--eval-prompts must be at least 1");
        Require(Epochs >= 1, "--epochs must be at least 1");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, "--lr must be a finite number > 0");
        Require(double.IsFinite(Beta) && Beta > 0, "--beta must be a finite number > 0");
        Require(double.IsFinite(NllWeight) && NllWeight >= 0, "--nll-weight must be a finite number >= 0");
        Require(Threads is null or >= 1, "--threads must be at least 1");
        Require(Strategies.Count > 0, "--strategies needs at least one strategy");
        try { Budget.Resolve(Prompts); }
        catch (ArgumentException e) { throw new ArgumentException($"--budget {Budget}: {UserError.Describe(e)}"); }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
