using System.Collections.Immutable;

namespace PrefFlow.Learning.Selection;

/// <summary>What <see cref="InstanceSelector.Select"/> chose, and what it had to leave out.</summary>
public sealed class InstanceSelectionResult
{
    /// <summary>Wraps the outcome of an instance-level selection.</summary>
    public InstanceSelectionResult(ImmutableArray<SelectedPair> pairs, int promptsWithoutDistinctPair, long identicalPairsSkipped)
    {
        if (pairs.IsDefault) throw new ArgumentException("pairs must be an initialized array (it may be empty).", nameof(pairs));
        ArgumentOutOfRangeException.ThrowIfNegative(promptsWithoutDistinctPair);
        ArgumentOutOfRangeException.ThrowIfNegative(identicalPairsSkipped);
        Pairs = pairs;
        PromptsWithoutDistinctPair = promptsWithoutDistinctPair;
        IdenticalPairsSkipped = identicalPairsSkipped;
    }

    /// <summary>One pair per prompt that has two distinct responses, in ascending prompt order.</summary>
    public ImmutableArray<SelectedPair> Pairs { get; }

    /// <summary>How many prompts yielded no pair because all their responses are identical.</summary>
    public int PromptsWithoutDistinctPair { get; }

    /// <summary>
    /// How many of the N(N-1)/2 candidate pairs, summed over all prompts, were left out because
    /// both responses are identical. It describes the data, so it is the same for every order.
    /// </summary>
    public long IdenticalPairsSkipped { get; }

    /// <summary>The margins of <see cref="Pairs"/>, in the same order: the input of <see cref="CorpusSelector.Select"/>.</summary>
    public double[] GetMargins()
    {
        var margins = new double[Pairs.Length];
        for (int i = 0; i < margins.Length; i++) margins[i] = Pairs[i].Margin;
        return margins;
    }
}
