using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Tests.Training;

/// <summary>
/// TorchSharp hands bare native pointers to libtorch, so a tensor or Scalar wrapper that nothing references any more
/// can be freed by a garbage collection while a native call reads it: memory corruption, then a wrong number, an
/// exception or a crashed process. The learning code holds every temporary across its calls; here every part of it
/// runs while another thread collects garbage without pause, and must give the bytes of a quiet run. (Before the
/// fix, AdamW's gradient wrappers and alpha Scalars failed this within seconds.)
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class CollectionPressureTests
{
    private static readonly TimeSpan Pressure = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Training_sampling_scoring_and_checkpoints_give_the_same_bytes_while_garbage_is_collected_alongside()
    {
        string quiet = Work();
        using var stop = new CancellationTokenSource();
        Task<long> collector = Task.Run(() => CollectUntil(stop.Token));
        var results = new List<string>();
        var started = DateTime.UtcNow;
        do results.Add(Work());
        while (DateTime.UtcNow - started < Pressure);
        await stop.CancelAsync();
        long collections = await collector;

        Assert.True(collections > results.Count, $"only {collections} collections ran alongside {results.Count} rounds");
        Assert.All(results, result => Assert.Equal(quiet, result));
    }

    private static long CollectUntil(CancellationToken stop)
    {
        long count = 0;
        while (!stop.IsCancellationRequested)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            count++;
        }
        return count;
    }

    // SFT steps, DPO with the NLL term and IPO steps (the paths with operator Scalars), sampling with the KV cache,
    // scoring and a checkpoint of the result, fingerprinted.
    private static string Work()
    {
        using var folder = new TestModels.TempFolder();
        var task = new SyntheticTask(TestModels.Task, 7);
        using var reference = TestModels.Create(1);
        new SftTrainer(reference, new SftOptions { Steps = 3, BatchSize = 8, MicroBatchSize = 4, WarmupSteps = 1, LearningRate = 1e-3 }).Train(task, seed: 2);

        var random = new SeededRandom(3);
        var pairs = task.Prompts(TaskSplit.Iteration, 12)
            .Select(p => new PreferencePair(p.Tokens(), p.TargetTokens(), task.Demonstration(p, random))).ToList();
        using var policy = reference.Clone();
        var dpo = new DpoOptions { BatchSize = 6, MicroBatchSize = 3, Epochs = 1, LearningRate = 1e-3, NllWeight = 0.5 };
        DpoReport withNll = new DpoTrainer(policy, reference, dpo).Train(pairs, seed: 4);
        DpoReport ipo = new DpoTrainer(policy, reference, dpo with { Loss = PreferenceLossKind.Ipo, NllWeight = 0 }).Train(pairs, seed: 5);

        var prompts = task.Prompts(TaskSplit.Evaluation, 4).Select(p => p.Tokens()).ToList();
        var sampled = new Sampler(policy).Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 6 }, seed: 6);
        double[] scores = new SequenceScorer(policy).LogProbs([.. prompts.Select((p, i) => new ScoredSequence(p, sampled[i][0].Tokens))]);

        string path = folder.File("policy.safetensors");
        PolicyCheckpoint.Save(policy, path);
        return string.Join("|",
            withNll, ipo,
            string.Join(",", sampled.SelectMany(s => s).Select(r => string.Join(" ", r.Tokens))),
            string.Join(",", scores.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
    }
}
