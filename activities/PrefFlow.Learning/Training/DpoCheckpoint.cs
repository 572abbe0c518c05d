using System.Globalization;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// A mid-training state of <see cref="DpoTrainer"/>: weights, optimiser moments and step, the
/// reference log-probabilities, the data position (the next update) with the shuffle seed that orders
/// the data, and the running metrics. Continuing from it is bit-identical on CPU to never stopping.
/// </summary>
internal static class DpoCheckpoint
{
    public const string Format = "prefflow.dpo-state";
    public const int FormatVersion = 1;

    public sealed record State(long NextStep, ulong ShuffleSeed, string DataFingerprint, string OptionsFingerprint, double[] ReferenceLogProbs, DpoMetrics Metrics);

    public static void Save(string path, TransformerPolicy policy, AdamW optimizer, State state)
    {
        List<NamedTensor> tensors = TrainingStateFile.Tensors(policy, optimizer);
        using (var reference = tensor(state.ReferenceLogProbs)) tensors.Add(NamedTensor.From("reference_logprobs", reference));
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["next_step"] = state.NextStep.ToString(CultureInfo.InvariantCulture),
            [TrainingStateFile.OptimizerStepKey] = optimizer.Step.ToString(CultureInfo.InvariantCulture),
            ["shuffle_seed"] = state.ShuffleSeed.ToString(CultureInfo.InvariantCulture),
            ["data_fingerprint"] = state.DataFingerprint,
            ["options_fingerprint"] = state.OptionsFingerprint,
            ["metrics"] = state.Metrics.Serialise(),
        });
    }

    /// <summary>
    /// Restores weights and optimiser from <paramref name="path"/> and returns the rest of the state.
    /// A checkpoint of other data or options is refused before anything is restored.
    /// </summary>
    public static State Load(string path, TransformerPolicy policy, AdamW optimizer, string dataFingerprint, string optionsFingerprint)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(path);
        PolicyCheckpoint.CheckFormat(path, metadata, Format, FormatVersion);
        if (TrainingStateFile.Required(path, metadata, "data_fingerprint") != dataFingerprint || TrainingStateFile.Required(path, metadata, "options_fingerprint") != optionsFingerprint)
        {
            throw new InvalidOperationException($"checkpoint '{path}' belongs to other pairs or options; delete it to start over");
        }
        TrainingStateFile.Restore(path, tensors, metadata, policy, optimizer);
        if (!tensors.TryGetValue("reference_logprobs", out var reference)) throw new CheckpointException(path, "lacks the reference log-probabilities");
        return new State(
            TrainingStateFile.Number<long>(path, metadata, "next_step"),
            TrainingStateFile.Number<ulong>(path, metadata, "shuffle_seed"),
            dataFingerprint,
            optionsFingerprint,
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(reference.Data).ToArray(),
            DpoMetrics.Parse(TrainingStateFile.Required(path, metadata, "metrics")) ?? throw new CheckpointException(path, "has unreadable training metrics"));
    }
}
