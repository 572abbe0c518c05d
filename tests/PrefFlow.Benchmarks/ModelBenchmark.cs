using System.Globalization;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Benchmarks;

/// <summary>
/// Throughput of the TorchSharp parts on the <c>tiny</c> shape, each against a baseline measured in
/// the same run: KV-cache sampling vs full recomputation (64 new tokens); DPO updates vs plain
/// language-model updates on the same tokens (DPO's floor: it runs two sequences per pair); scoring
/// at the default batch size vs 16 and 1024 sequences at a time.
/// </summary>
internal static class ModelBenchmark
{
    private const int NewTokens = 64;

    public static void Run(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var task = new SyntheticTask(new TaskOptions(), 1);
        var shape = PolicyPresets.Get("tiny", task.Options) with { ContextLength = task.Options.MaxPromptTokens + NewTokens };
        using var policy = new TransformerPolicy(shape, 1);
        using var reference = new TransformerPolicy(shape, 2);
        output.WriteLine(string.Create(c, $"Model: tiny shape ({shape.ParameterCount:N0} parameters), {TorchSharp.torch.get_num_threads()} CPU threads"));

        // Sampling: all prompts of one length, fixed 64 new tokens (EOS does not stop generation).
        var prompts = task.Prompts(TaskSplit.Iteration, 4000).Where(p => p.Digits.Length == 5).Take(64).Select(p => p.Tokens()).ToList();
        var sampling = new SamplingOptions { ResponsesPerPrompt = 4, MaxNewTokens = NewTokens, StopAtEos = false, BatchSize = 256 };
        var sampler = new Sampler(policy);
        double tokens = prompts.Count * 4.0 * NewTokens;
        double cached = Timing.MedianSeconds(3, () => sampler.Sample(prompts, sampling, 1));
        double recomputed = Timing.MedianSeconds(1, () => sampler.Sample(prompts, sampling with { UseKvCache = false }, 1));
        output.WriteLine(string.Create(c, $"Sampling, {prompts.Count}x4 sequences x {NewTokens} new tokens:"));
        output.WriteLine(string.Create(c, $"  KV cache:      {tokens / cached,10:N0} tokens/s"));
        output.WriteLine(string.Create(c, $"  recomputation: {tokens / recomputed,10:N0} tokens/s"));
        output.WriteLine(string.Create(c, $"  ratio cache/recompute: {recomputed / cached:F1}x (target at least 5x: {(recomputed / cached >= 5 ? "met" : "NOT met")})"));

        // Training: 128 pairs per update, micro-batches of 64, on sampled-length sequences.
        var random = new SeededRandom(3);
        var pairPrompts = task.Prompts(TaskSplit.Iteration, 512);
        var pairs = pairPrompts.Select(p => new PreferencePair(p.Tokens(), p.TargetTokens(), task.Demonstration(p, random))).ToList();
        var dpoOptions = new DpoOptions { BatchSize = 128, MicroBatchSize = 64, Epochs = 1 };
        int steps = pairs.Count / dpoOptions.BatchSize;
        double dpo = Timing.MedianSeconds(3, () => new DpoTrainer(policy, reference, dpoOptions).Train(pairs, 1));
        var lmItems = pairs.Select(p => new ScoredSequence(p.Prompt, p.Chosen)).ToList();
        double lm = Timing.MedianSeconds(3, () => LanguageModelUpdates(policy, lmItems, dpoOptions.BatchSize, dpoOptions.MicroBatchSize));
        output.WriteLine(string.Create(c, $"Training, batch {dpoOptions.BatchSize} (micro-batch {dpoOptions.MicroBatchSize}), {steps} updates:"));
        output.WriteLine(string.Create(c, $"  DPO:                 {steps / dpo,8:F2} updates/s (incl. reference log-probs once)"));
        output.WriteLine(string.Create(c, $"  LM, chosen only:     {steps / lm,8:F2} updates/s"));
        output.WriteLine(string.Create(c, $"  ratio DPO/LM speed:  {lm / dpo:F2} (DPO runs chosen and rejected: about 0.5 expected)"));

        // Scoring: the 8-responses-per-prompt scoring pass of an iteration.
        var scoringPrompts = task.Prompts(TaskSplit.Iteration, 500).Select(p => p.Tokens()).ToList();
        var scored = sampler.Sample(scoringPrompts, new SamplingOptions { ResponsesPerPrompt = 8, MaxNewTokens = 16 }, 5)
            .SelectMany((responses, i) => responses.Select(r => new ScoredSequence(scoringPrompts[i], r.Tokens))).ToList();
        double scoredTokens = scored.Sum(s => s.Prompt.Length + s.Response.Length);
        double batched = Timing.MedianSeconds(3, () => new SequenceScorer(policy).LogProbs(scored));
        double small = Timing.MedianSeconds(1, () => new SequenceScorer(policy, 16).LogProbs(scored));
        double large = Timing.MedianSeconds(1, () => new SequenceScorer(policy, 1024).LogProbs(scored));
        output.WriteLine(string.Create(c, $"Scoring, {scored.Count:N0} sequences:"));
        output.WriteLine(string.Create(c, $"  batch {SequenceScorer.DefaultBatchSize} (default): {scoredTokens / batched,10:N0} tokens/s"));
        output.WriteLine(string.Create(c, $"  batch 16:            {scoredTokens / small,10:N0} tokens/s (default is {small / batched:F1}x faster)"));
        output.WriteLine(string.Create(c, $"  batch 1024:          {scoredTokens / large,10:N0} tokens/s (default is {large / batched:F1}x faster)"));
    }

    private static void LanguageModelUpdates(TransformerPolicy policy, List<ScoredSequence> items, int batch, int micro)
    {
        using var optimizer = new AdamW(policy.parameters());
        for (int start = 0; start + batch <= items.Count; start += batch)
        {
            optimizer.ZeroGradients();
            for (int m = start; m < start + batch; m += micro)
            {
                using var scope = TorchSharp.torch.NewDisposeScope();
                (-SequenceLogProbs.Compute(policy, items.GetRange(m, micro)).sum() / batch).backward();
            }
            optimizer.Update(1e-4);
        }
    }
}
