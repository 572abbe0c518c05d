using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Tasks;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Sampling;

/// <summary>
/// Batched generation from a policy. Prompts of equal length are batched together (so no padding is
/// needed), and finished sequences leave the batch. Response j of prompt p draws from its own
/// generator seeded by (seed, p, j), so the draws do not depend on batch size or prompt order (batch
/// shapes can still change the last bits of the logits, which in rare near-ties could flip a token).
/// </summary>
public sealed class Sampler
{
    private readonly TransformerPolicy _policy;

    /// <summary>A sampler over <paramref name="policy"/>.</summary>
    public Sampler(TransformerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>
    /// Generates <see cref="SamplingOptions.ResponsesPerPrompt"/> responses for each prompt.
    /// <paramref name="firstPromptIndex"/> is the index of <c>prompts[0]</c> in a larger set, so that
    /// generating a set in chunks gives the same responses as generating it at once.
    /// </summary>
    /// <returns>result[p][j]: response j of prompt p.</returns>
    public SampledResponse[][] Sample(IReadOnlyList<int[]> prompts, SamplingOptions options, ulong seed, long firstPromptIndex = 0, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = options.ResponsesPerPrompt;
        var results = new SampledResponse[prompts.Count][];
        for (int p = 0; p < prompts.Count; p++) results[p] = new SampledResponse[n];

        var rows = new List<(int Prompt, int Response)>(prompts.Count * n);
        foreach (var group in Enumerable.Range(0, prompts.Count).GroupBy(p => prompts[p].Length).OrderBy(g => g.Key))
        {
            rows.Clear();
            foreach (int p in group) for (int j = 0; j < n; j++) rows.Add((p, j));
            for (int start = 0; start < rows.Count; start += options.BatchSize)
            {
                var batch = rows.GetRange(start, Math.Min(options.BatchSize, rows.Count - start));
                GenerateBatch(prompts, batch, options, seed, firstPromptIndex, results);
                progress?.Report(batch.Count);
            }
        }
        return results;
    }

    private void GenerateBatch(IReadOnlyList<int[]> prompts, List<(int Prompt, int Response)> batch, SamplingOptions options, ulong seed,
        long firstPromptIndex, SampledResponse[][] results)
    {
        int promptLength = prompts[batch[0].Prompt].Length;
        int maxNew = Math.Min(options.MaxNewTokens, _policy.Config.ContextLength - promptLength);
        if (maxNew < 1)
        {
            throw new ArgumentException($"a prompt of {promptLength} tokens leaves no room to generate within the context length {_policy.Config.ContextLength}", nameof(prompts));
        }
        var random = batch.Select(r => new SeededRandom(Seeds.Derive(Seeds.Derive(seed, firstPromptIndex + r.Prompt), r.Response))).ToArray();
        var generated = batch.Select(_ => new List<int>(maxNew)).ToArray();
        var logProbs = batch.Select(_ => new List<float>(maxNew)).ToArray();
        var active = Enumerable.Range(0, batch.Count).ToList();
        var sequences = batch.Select(r => new List<long>(prompts[r.Prompt].Select(t => (long)t))).ToArray();

        using var noGrad = no_grad();
        using var cache = options.UseKvCache ? new KvCache(_policy.Config.Layers) : null;
        var device = _policy.Device;
        for (int step = 0; step < maxNew && active.Count > 0; step++)
        {
            using var scope = NewDisposeScope();
            Tensor input;
            int start;
            if (cache is null || step == 0)
            {
                // Without a cache (or for the prompt itself) the whole sequence so far is fed.
                input = tensor(active.SelectMany(i => sequences[i]).ToArray(), [active.Count, sequences[active[0]].Count], device: device);
                start = 0;
            }
            else
            {
                input = tensor(active.Select(i => sequences[i][^1]).ToArray(), [active.Count, 1], device: device);
                start = sequences[active[0]].Count - 1;
            }
            var logits = _policy.Forward(input, start, cache).select(1, -1).to(ScalarType.Float32).cpu();
            float[] values = logits.data<float>().ToArray();
            int vocabulary = (int)logits.shape[1];

            var stillActive = new List<int>(active.Count);
            var keptRows = new List<long>(active.Count);
            for (int row = 0; row < active.Count; row++)
            {
                int i = active[row];
                var (token, logProb) = TokenChooser.Choose(values.AsSpan(row * vocabulary, vocabulary), options, random[i]);
                generated[i].Add(token);
                logProbs[i].Add(logProb);
                sequences[i].Add(token);
                if (token != Vocabulary.Eos || !options.StopAtEos)
                {
                    stillActive.Add(i);
                    keptRows.Add(row);
                }
            }
            if (cache is not null && stillActive.Count < active.Count && stillActive.Count > 0)
            {
                using var keep = tensor(keptRows.ToArray(), device: device);
                cache.KeepRows(keep);
            }
            active = stillActive;
        }

        for (int i = 0; i < batch.Count; i++)
        {
            var (p, j) = batch[i];
            results[p][j] = new SampledResponse([.. generated[i]], [.. logProbs[i]]);
        }
    }
}
