using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Scoring;

/// <summary>Teacher-forced log pi(response | prompt), summed over response tokens, as a differentiable tensor.</summary>
internal static class SequenceLogProbs
{
    /// <summary>Per-sequence summed response log-probabilities, shape [batch].</summary>
    public static Tensor Compute(TransformerPolicy policy, IReadOnlyList<ScoredSequence> items)
    {
        using var batch = SequenceBatch.Build(items, policy.Device);
        var logits = policy.Forward(batch.Inputs);
        var tokenLogProbs = logits.log_softmax(-1).gather(2, batch.Targets.unsqueeze(2)).squeeze(2);
        return (tokenLogProbs * batch.Mask).sum(1);
    }
}
