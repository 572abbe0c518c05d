using TorchSharp;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Scoring;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// Trains a policy on labelled pairs against a frozen reference model (DPO, IPO or conservative DPO), or
/// reference-free by SimPO. Reference log-probabilities are computed once (SimPO's implicit-reward metrics use them). Updates use AdamW with warm-up and gradient
/// accumulation over micro-batches. With <see cref="DpoOptions.CheckpointEvery"/> it writes its whole
/// state to a file every K updates, and a later call with the same file continues from there,
/// bit-identically on CPU.
/// </summary>
public sealed class DpoTrainer
{
    private readonly TransformerPolicy _policy;
    private readonly TransformerPolicy _reference;
    private readonly DpoOptions _options;

    /// <summary>A trainer that updates <paramref name="policy"/> in place against <paramref name="reference"/>.</summary>
    public DpoTrainer(TransformerPolicy policy, TransformerPolicy reference, DpoOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (ReferenceEquals(policy, reference)) throw new ArgumentException("the policy and the reference must be separate models (the reference stays frozen)", nameof(reference));
        (_policy, _reference, _options) = (policy, reference, options);
    }

    /// <summary>
    /// Trains on <paramref name="pairs"/>. When <paramref name="checkpointPath"/> names an existing
    /// checkpoint of the same data and options, training continues from it; checkpoints are written
    /// there every <see cref="DpoOptions.CheckpointEvery"/> updates, and the file is removed at the end.
    /// <paramref name="checkpointSaved"/> is called with the number of updates done each time a checkpoint
    /// has been written, so that a caller can copy it to durable storage before training goes on.
    /// </summary>
    public DpoReport Train(IReadOnlyList<PreferencePair> pairs, ulong seed, string? checkpointPath = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, Action<int>? checkpointSaved = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) throw new ArgumentException("there are no preference pairs to train on (the corpus is empty)", nameof(pairs));
        ValidatePairs(pairs);
        int stepsPerEpoch = (pairs.Count + _options.BatchSize - 1) / _options.BatchSize;
        int totalSteps = stepsPerEpoch * _options.Epochs;
        var schedule = new LearningRateSchedule(_options.LearningRate, (int)(_options.WarmupFraction * totalSteps), totalSteps, _options.DecayLearningRate);
        using var optimizer = new AdamW(_policy.parameters(), _options.WeightDecay);
        string dataFingerprint = Fingerprint(pairs);
        string optionsFingerprint = Fingerprint(JsonSerializer.Serialize(_options with { CheckpointEvery = 0 }) + "|" + seed);
        ulong shuffleSeed = Seeds.Derive(seed, "dpo/shuffle");

        DpoCheckpoint.State state;
        if (checkpointPath is not null && File.Exists(checkpointPath))
        {
            state = DpoCheckpoint.Load(checkpointPath, _policy, optimizer, dataFingerprint, optionsFingerprint);
        }
        else
        {
            state = new DpoCheckpoint.State(0, shuffleSeed, dataFingerprint, optionsFingerprint, ReferenceLogProbs(pairs), new DpoMetrics());
        }
        var metrics = state.Metrics;
        using var referenceChosen = tensor(state.ReferenceLogProbs[..pairs.Count].Select(v => (float)v).ToArray(), device: _policy.Device);
        using var referenceRejected = tensor(state.ReferenceLogProbs[pairs.Count..].Select(v => (float)v).ToArray(), device: _policy.Device);

        _policy.train();
        int[] order = [];
        int orderEpoch = -1;
        for (int step = (int)state.NextStep; step < totalSteps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            int epoch = step / stepsPerEpoch;
            if (epoch != orderEpoch)
            {
                order = [.. Enumerable.Range(0, pairs.Count)];
                new SeededRandom(Seeds.Derive(state.ShuffleSeed, epoch)).Shuffle(order.AsSpan());
                orderEpoch = epoch;
                if (epoch == _options.Epochs - 1 && step % stepsPerEpoch == 0) metrics.Reset(); // report the last epoch
            }
            int first = step % stepsPerEpoch * _options.BatchSize;
            int[] batch = order[first..Math.Min(first + _options.BatchSize, pairs.Count)];
            optimizer.ZeroGradients();
            double loss = Update(pairs, batch, referenceChosen, referenceRejected, metrics);
            if (_options.MaxGradientNorm > 0) nn.utils.clip_grad_norm_(_policy.parameters(), _options.MaxGradientNorm);
            optimizer.Update(schedule.At(step));
            progress?.Report(new TrainingProgress(step + 1, totalSteps, loss));
            if (checkpointPath is not null && _options.CheckpointEvery > 0 && (step + 1) % _options.CheckpointEvery == 0 && step + 1 < totalSteps)
            {
                DpoCheckpoint.Save(checkpointPath, _policy, optimizer, state with { NextStep = step + 1, Metrics = metrics });
                checkpointSaved?.Invoke(step + 1);
            }
        }
        _policy.eval();
        if (checkpointPath is not null && File.Exists(checkpointPath)) File.Delete(checkpointPath);
        return metrics.Report(totalSteps, pairs.Count);
    }

    private double Update(IReadOnlyList<PreferencePair> pairs, int[] batch, Tensor referenceChosen, Tensor referenceRejected, DpoMetrics metrics)
    {
        double batchLoss = 0;
        for (int start = 0; start < batch.Length; start += _options.MicroBatchSize)
        {
            using var scope = NewDisposeScope();
            int[] micro = batch[start..Math.Min(start + _options.MicroBatchSize, batch.Length)];
            // Chosen and rejected responses go through one forward pass.
            var sequences = micro.Select(i => new ScoredSequence(pairs[i].Prompt, pairs[i].Chosen))
                .Concat(micro.Select(i => new ScoredSequence(pairs[i].Prompt, pairs[i].Rejected))).ToList();
            var logProbs = SequenceLogProbs.Compute(_policy, sequences);
            var policyChosen = logProbs.narrow(0, 0, micro.Length);
            var policyRejected = logProbs.narrow(0, micro.Length, micro.Length);
            using var indices = tensor(micro.Select(i => (long)i).ToArray(), device: _policy.Device);
            var refChosen = referenceChosen.index_select(0, indices);
            var refRejected = referenceRejected.index_select(0, indices);
            var preferenceLosses = _options.Loss == PreferenceLossKind.SimPo
                ? PreferenceLoss.SimPo(_options.Beta, _options.Gamma, policyChosen, policyRejected, Lengths(pairs, micro, chosen: true), Lengths(pairs, micro, chosen: false))
                : PreferenceLoss.Compute(_options.Loss, _options.Beta, _options.LabelSmoothing, policyChosen, policyRejected, refChosen, refRejected);
            var losses = preferenceLosses;
            // Scalars held in locals: the operators with a number make a temporary Scalar that a garbage collection
            // could free while the native call reads it.
            using Scalar nllWeight = _options.NllWeight.ToScalar(), pairsInBatch = batch.Length.ToScalar();
            if (_options.NllWeight > 0)
            {
                using var chosenLengths = tensor(micro.Select(i => (float)pairs[i].Chosen.Length).ToArray(), device: _policy.Device);
                losses = losses.sub(policyChosen.mul(nllWeight).div(chosenLengths));
            }
            losses.sum().div(pairsInBatch).backward();

            using var noGrad = no_grad();
            using Scalar beta = _options.Beta.ToScalar();
            var chosenRewards = policyChosen.sub(refChosen).mul(beta).to(ScalarType.Float64).cpu().data<double>().ToArray();
            var rejectedRewards = policyRejected.sub(refRejected).mul(beta).to(ScalarType.Float64).cpu().data<double>().ToArray();
            double microLoss = losses.sum().item<float>();
            batchLoss += microLoss;
            metrics.Loss += microLoss;
            metrics.PreferenceLoss += preferenceLosses.sum().item<float>();
            metrics.Pairs += micro.Length;
            for (int k = 0; k < micro.Length; k++)
            {
                metrics.Chosen += chosenRewards[k];
                metrics.Rejected += rejectedRewards[k];
                metrics.Correct += chosenRewards[k] > rejectedRewards[k] ? 1 : 0;
            }
        }
        return batchLoss / batch.Length;
    }

    /// <summary>The response lengths of a micro-batch, freed with its dispose scope.</summary>
    private Tensor Lengths(IReadOnlyList<PreferencePair> pairs, int[] micro, bool chosen) =>
        tensor(micro.Select(i => (float)(chosen ? pairs[i].Chosen : pairs[i].Rejected).Length).ToArray(), device: _policy.Device);

    private void ValidatePairs(IReadOnlyList<PreferencePair> pairs)
    {
        int vocabulary = _policy.Config.VocabularySize, context = _policy.Config.ContextLength;
        for (int i = 0; i < pairs.Count; i++)
        {
            var (prompt, chosen, rejected) = (pairs[i].Prompt, pairs[i].Chosen, pairs[i].Rejected);
            if (prompt.Length == 0 || chosen.Length == 0 || rejected.Length == 0)
            {
                throw new ArgumentException($"pair {i} has an empty prompt, chosen or rejected response", nameof(pairs));
            }
            if (prompt.Length + Math.Max(chosen.Length, rejected.Length) > context)
            {
                throw new ArgumentException($"pair {i} is longer than the model's context of {context} tokens", nameof(pairs));
            }
            if (prompt.Concat(chosen).Concat(rejected).Any(t => t < 0 || t >= vocabulary))
            {
                throw new ArgumentException($"pair {i} has a token id outside the vocabulary [0, {vocabulary})", nameof(pairs));
            }
        }
    }

    private double[] ReferenceLogProbs(IReadOnlyList<PreferencePair> pairs)
    {
        var scorer = new SequenceScorer(_reference);
        var chosen = scorer.LogProbs([.. pairs.Select(p => new ScoredSequence(p.Prompt, p.Chosen))]);
        var rejected = scorer.LogProbs([.. pairs.Select(p => new ScoredSequence(p.Prompt, p.Rejected))]);
        return [.. chosen, .. rejected];
    }

    private static string Fingerprint(IReadOnlyList<PreferencePair> pairs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var pair in pairs)
        {
            foreach (var part in new[] { pair.Prompt, pair.Chosen, pair.Rejected })
            {
                sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(part.AsSpan()));
                sha.AppendData([0xFF]);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
