using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Sampling;

/// <summary>Chooses the next token of one sequence from its logits: greedy, or temperature + top-k sampling.</summary>
internal static class TokenChooser
{
    /// <summary>Returns the chosen token and its untempered log-probability.</summary>
    public static (int Token, float LogProb) Choose(ReadOnlySpan<float> logits, SamplingOptions options, SeededRandom random)
    {
        int token = options.Greedy ? ArgMax(logits) : Draw(logits, options, random);
        return (token, LogSoftmaxAt(logits, token));
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    private static int Draw(ReadOnlySpan<float> logits, SamplingOptions options, SeededRandom random)
    {
        int vocabulary = logits.Length;
        Span<int> order = vocabulary <= 1024 ? stackalloc int[vocabulary] : new int[vocabulary];
        for (int i = 0; i < vocabulary; i++) order[i] = i;
        int keep = options.TopK == 0 ? vocabulary : Math.Min(options.TopK, vocabulary);
        if (keep < vocabulary)
        {
            // Stable order: higher logit first, then lower token id, so ties never depend on sort internals.
            var copy = logits.ToArray();
            order.Sort((a, b) => copy[b] != copy[a] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        }
        double max = double.NegativeInfinity;
        for (int i = 0; i < keep; i++) max = Math.Max(max, logits[order[i]]);
        Span<double> weights = keep <= 1024 ? stackalloc double[keep] : new double[keep];
        double total = 0;
        for (int i = 0; i < keep; i++)
        {
            weights[i] = Math.Exp((logits[order[i]] - max) / options.Temperature);
            total += weights[i];
        }
        double u = random.NextDouble() * total;
        for (int i = 0; i < keep; i++)
        {
            u -= weights[i];
            if (u < 0) return order[i];
        }
        return order[keep - 1];
    }

    private static float LogSoftmaxAt(ReadOnlySpan<float> logits, int token)
    {
        double max = double.NegativeInfinity;
        foreach (float value in logits) max = Math.Max(max, value);
        double sum = 0;
        foreach (float value in logits) sum += Math.Exp(value - max);
        return (float)(logits[token] - max - Math.Log(sum));
    }
}
