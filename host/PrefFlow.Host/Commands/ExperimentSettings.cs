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
    int? Threads);
