using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Scoring;

/// <summary>Batched teacher-forced scoring: log pi(response | prompt) for many sequences, without gradients.</summary>
public sealed class SequenceScorer
{
    /// <summary>
    /// Sequences per forward pass. Measured on 2 CPU cores with the tiny model: 64-128 is fastest;
    /// 1024 is about 3x slower, as its activations no longer fit in cache.
    /// </summary>
    public const int DefaultBatchSize = 128;

    private readonly TransformerPolicy _policy;
    private readonly int _batchSize;

    /// <summary>A scorer over <paramref name="policy"/> that evaluates <paramref name="batchSize"/> sequences at a time.</summary>
    public SequenceScorer(TransformerPolicy policy, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _policy = policy;
        _batchSize = batchSize;
    }

    /// <summary>Summed response log-probabilities, one per item, in item order.</summary>
    public double[] LogProbs(IReadOnlyList<ScoredSequence> items, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new double[items.Count];
        using var _ = no_grad();
        // Sorting by length keeps padding small; results go back to their own slots, so order is unaffected.
        var order = Enumerable.Range(0, items.Count).OrderBy(i => items[i].Prompt.Length + items[i].Response.Length).ThenBy(i => i).ToArray();
        for (int start = 0; start < order.Length; start += _batchSize)
        {
            using var scope = NewDisposeScope();
            var slice = order.AsSpan(start, Math.Min(_batchSize, order.Length - start)).ToArray();
            var values = SequenceLogProbs.Compute(_policy, [.. slice.Select(i => items[i])]).to(ScalarType.Float64).cpu().data<double>().ToArray();
            for (int k = 0; k < slice.Length; k++) result[slice[k]] = values[k];
            progress?.Report(slice.Length);
        }
        return result;
    }
}
