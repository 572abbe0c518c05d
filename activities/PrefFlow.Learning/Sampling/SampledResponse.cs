namespace PrefFlow.Learning.Sampling;

/// <summary>
/// One generated response: its tokens (EOS included when generated) and, per token, the log-probability
/// the policy gave it at temperature 1 without top-k truncation (log pi(token | prefix)).
/// </summary>
public sealed record SampledResponse(int[] Tokens, float[] LogProbs)
{
    /// <summary>log pi(response | prompt): the sum of the per-token log-probabilities.</summary>
    public double LogProb => LogProbs.Sum(p => (double)p);
}
