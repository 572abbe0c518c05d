namespace PrefFlow.Learning.Scoring;

/// <summary>
/// The DPO implicit reward r(y) = log pi(y|x) - log pi_ref(y|x) (the partition term cancels in margins),
/// raw or length-normalised by the response's token count (paper equation 6).
/// </summary>
public static class ImplicitReward
{
    /// <summary>Implicit rewards of responses whose policy and reference log-probabilities are given.</summary>
    public static double[] Compute(ReadOnlySpan<double> policyLogProbs, ReadOnlySpan<double> referenceLogProbs, ReadOnlySpan<int> responseLengths, bool lengthNormalised)
    {
        if (policyLogProbs.Length != referenceLogProbs.Length || policyLogProbs.Length != responseLengths.Length)
        {
            throw new ArgumentException($"policy ({policyLogProbs.Length}), reference ({referenceLogProbs.Length}) and length ({responseLengths.Length}) counts differ");
        }
        var rewards = new double[policyLogProbs.Length];
        for (int i = 0; i < rewards.Length; i++)
        {
            double reward = policyLogProbs[i] - referenceLogProbs[i];
            if (lengthNormalised)
            {
                if (responseLengths[i] < 1) throw new ArgumentException($"response {i} is empty and cannot be length-normalised", nameof(responseLengths));
                reward /= responseLengths[i];
            }
            rewards[i] = reward;
        }
        return rewards;
    }
}
