using PrefFlow.Learning.Model;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Model;

public sealed class KvCacheTests
{
    private static readonly TaskOptions Task = new();

    [Fact]
    public void Generation_with_cache_equals_full_recomputation()
    {
        using var policy = new TransformerPolicy(PolicyPresets.Get("tiny", Task), seed: 7);
        var prompts = new SyntheticTask(Task, 3).Prompts(TaskSplit.Iteration, 24).Select(p => p.Tokens()).ToList();
        var sampler = new Sampler(policy);
        var options = new SamplingOptions { ResponsesPerPrompt = 3, MaxNewTokens = 12, BatchSize = 16 };

        var cached = sampler.Sample(prompts, options, seed: 11);
        var recomputed = sampler.Sample(prompts, options with { UseKvCache = false }, seed: 11);

        for (int p = 0; p < prompts.Count; p++)
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(recomputed[p][j].Tokens, cached[p][j].Tokens);
            for (int t = 0; t < cached[p][j].LogProbs.Length; t++)
                Assert.InRange(Math.Abs(recomputed[p][j].LogProbs[t] - cached[p][j].LogProbs[t]), 0, 1e-4);
        }
        // An untrained model rarely emits EOS early: the check covered long generations.
        Assert.Contains(cached.SelectMany(r => r), r => r.Tokens.Length >= 8);
    }

    [Fact]
    public void Cached_logits_equal_full_forward_logits()
    {
        using var policy = new TransformerPolicy(PolicyPresets.Get("tiny", Task), seed: 5);
        using var tokens = TorchSharp.torch.tensor(new long[] { 1, 5, 12, 13, 14, 3, 15, 16 }, [1, 8]);
        using var full = policy.Forward(tokens);
        using var cache = new KvCache(policy.Config.Layers);
        using var prefix = policy.Forward(tokens.narrow(1, 0, 5), 0, cache);
        using var rest = policy.Forward(tokens.narrow(1, 5, 3), 5, cache);   // several tokens after a cached prefix
        Assert.True(full.narrow(1, 0, 5).allclose(prefix, rtol: 1e-4, atol: 1e-5));
        Assert.True(full.narrow(1, 5, 3).allclose(rest, rtol: 1e-4, atol: 1e-5));
    }
}
