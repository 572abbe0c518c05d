namespace PrefFlow.Learning.Scoring;

/// <summary>A prompt and a response to score under a policy (token ids; the response includes EOS when generated).</summary>
public readonly record struct ScoredSequence(int[] Prompt, int[] Response);
