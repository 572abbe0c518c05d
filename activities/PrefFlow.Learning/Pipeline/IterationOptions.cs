using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Pipeline;

/// <summary>Settings of one online iteration (paper section 2.2, Step-i).</summary>
public sealed record IterationOptions
{
    /// <summary>How responses are sampled (paper: N = 8, temperature 1, top-k 50).</summary>
    public SamplingOptions Sampling { get; init; } = new() { ResponsesPerPrompt = 8 };

    /// <summary>Divide implicit rewards by the response length before taking margins (paper equation 6).</summary>
    public bool LengthNormalised { get; init; }

    /// <summary>Which pair of a prompt's responses is kept.</summary>
    public MarginOrder InstanceOrder { get; init; } = MarginOrder.Smallest;

    /// <summary>Which pairs of the corpus are kept.</summary>
    public MarginOrder CorpusOrder { get; init; } = MarginOrder.Smallest;

    /// <summary>How many pairs the corpus-level selection keeps (paper: 50% of the prompts).</summary>
    public SelectionBudget Budget { get; init; } = SelectionBudget.Fraction(0.5);

    /// <summary>What the oracle does with gold-RM ties.</summary>
    public TiePolicy Ties { get; init; } = TiePolicy.Drop;

    /// <summary>
    /// The model preference training regularises towards. Implicit rewards for selection are
    /// always log pi^{i-1} - log pi_ref, whatever this says.
    /// </summary>
    public TrainingReference TrainingReference { get; init; } = TrainingReference.Fixed;

    /// <summary>Preference training settings.</summary>
    public DpoOptions Training { get; init; } = new();
}
