using TorchSharp;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Tasks;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// Supervised fine-tuning on (noisy) demonstrations; the loss covers response tokens only, as the
/// prompt is given, not generated. Each update draws fresh SFT-split prompts and demonstrations from
/// the task, derived from (seed, update), so training never repeats a batch.
/// </summary>
public sealed class SftTrainer
{
    private readonly TransformerPolicy _policy;
    private readonly SftOptions _options;

    /// <summary>A trainer that updates <paramref name="policy"/> in place.</summary>
    public SftTrainer(TransformerPolicy policy, SftOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _policy = policy;
        _options = options;
    }

    /// <summary>Trains and returns the mean loss of the last tenth of the updates.</summary>
    public double Train(SyntheticTask task, ulong seed, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default) =>
        Train(task, seed, checkpointPath: null, progress, cancellation);

    /// <summary>
    /// Trains and returns the mean loss of the last tenth of the updates. When <paramref name="checkpointPath"/>
    /// names an existing checkpoint of the same task, seed and options, training continues from it, bit-identically
    /// on CPU; checkpoints are written there every <see cref="SftOptions.CheckpointEvery"/> updates (then
    /// <paramref name="checkpointSaved"/> is called with the updates done), and the file is removed at the end.
    /// </summary>
    public double Train(SyntheticTask task, ulong seed, string? checkpointPath, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default, Action<int>? checkpointSaved = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var schedule = new LearningRateSchedule(_options.LearningRate, _options.WarmupSteps, _options.Steps, Decay: true);
        using var optimizer = new AdamW(_policy.parameters(), _options.WeightDecay);
        string fingerprint = Fingerprint(task, seed);
        var state = checkpointPath is not null && File.Exists(checkpointPath)
            ? SftCheckpoint.Load(checkpointPath, _policy, optimizer, fingerprint)
            : new SftCheckpoint.State(0, fingerprint, []);
        var tail = new List<double>(state.TailLosses);
        _policy.train();
        for (int step = state.NextStep; step < _options.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var prompts = task.Prompts(TaskSplit.Sft, _options.BatchSize, offset: step * _options.BatchSize);
            var random = Seeds.Random(seed, $"sft/{step}");
            var items = prompts.Select(p => new ScoredSequence(p.Tokens(), task.Demonstration(p, random))).ToList();
            optimizer.ZeroGradients();
            double loss = 0;
            int batchTokens = items.Sum(i => i.Response.Length);
            for (int start = 0; start < items.Count; start += _options.MicroBatchSize)
            {
                using var scope = NewDisposeScope();
                var micro = items.GetRange(start, Math.Min(_options.MicroBatchSize, items.Count - start));
                var logProbs = SequenceLogProbs.Compute(_policy, micro);
                // Mean negative log-likelihood per response token over the whole batch.
                using Scalar tokens = batchTokens.ToScalar();
                var microLoss = logProbs.sum().neg().div(tokens);
                microLoss.backward();
                loss += microLoss.item<float>();
            }
            if (_options.MaxGradientNorm > 0) TorchSharp.torch.nn.utils.clip_grad_norm_(_policy.parameters(), _options.MaxGradientNorm);
            optimizer.Update(schedule.At(step));
            if (step >= _options.Steps * 9 / 10) tail.Add(loss);
            progress?.Report(new TrainingProgress(step + 1, _options.Steps, loss));
            if (checkpointPath is not null && _options.CheckpointEvery > 0 && (step + 1) % _options.CheckpointEvery == 0 && step + 1 < _options.Steps)
            {
                SftCheckpoint.Save(checkpointPath, _policy, optimizer, new SftCheckpoint.State(step + 1, fingerprint, [.. tail]));
                checkpointSaved?.Invoke(step + 1);
            }
        }
        _policy.eval();
        if (checkpointPath is not null && File.Exists(checkpointPath)) File.Delete(checkpointPath);
        return tail.Count == 0 ? double.NaN : tail.Average();
    }

    private string Fingerprint(SyntheticTask task, ulong seed)
    {
        string text = JsonSerializer.Serialize(_options with { CheckpointEvery = 0 }) + "|" + JsonSerializer.Serialize(task.Options) + "|" + task.Seed + "|" + seed;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
