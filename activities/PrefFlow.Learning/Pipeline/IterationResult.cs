using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Pipeline;

/// <summary>
/// What one iteration did: how many prompts, how many had a pair of distinct responses, how many
/// pairs the corpus selection kept, how many the oracle dropped as ties, the statistics of the kept
/// pairs, and the training report.
/// </summary>
public sealed record IterationResult
{
    /// <summary>Prompts sampled.</summary>
    public required int Prompts { get; init; }

    /// <summary>Prompts with fewer than two distinct responses (no pair possible).</summary>
    public required int PromptsWithoutDistinctPair { get; init; }

    /// <summary>Pairs among identical responses that instance selection skipped.</summary>
    public required long IdenticalPairsSkipped { get; init; }

    /// <summary>The annotation budget resolved against the prompts (M_i).</summary>
    public required int Budget { get; init; }

    /// <summary>Pairs kept by the corpus-level selection (sent to the oracle: the annotation cost); below <see cref="Budget"/> only when too few prompts had a pair.</summary>
    public required int PairsSelected { get; init; }

    /// <summary>Selected pairs whose two responses got the same gold reward.</summary>
    public required int Ties { get; init; }

    /// <summary>Ties the oracle dropped (all of them under <see cref="Oracle.TiePolicy.Drop"/>, none under coin flips).</summary>
    public required int TiesDropped { get; init; }

    /// <summary>Statistics of the labelled pairs (implicit margin, ranking accuracy, gold margin).</summary>
    public required PairStatistics Selected { get; init; }

    /// <summary>The training report.</summary>
    public required DpoReport Training { get; init; }
}
