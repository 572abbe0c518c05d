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
        var tensors = new List<NamedTensor>();
        tensors.AddRange(policy.named_parameters().Select(p => NamedTensor.From("policy/" + p.name, p.parameter)));
        for (int i = 0; i < optimizer.FirstMoments.Count; i++)
        {
            tensors.Add(NamedTensor.From($"adam/m/{i:D4}", optimizer.FirstMoments[i]));
            tensors.Add(NamedTensor.From($"adam/v/{i:D4}", optimizer.SecondMoments[i]));
        }
        using (var reference = tensor(state.ReferenceLogProbs)) tensors.Add(NamedTensor.From("reference_logprobs", reference));
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["next_step"] = state.NextStep.ToString(CultureInfo.InvariantCulture),
            ["optimizer_step"] = optimizer.Step.ToString(CultureInfo.InvariantCulture),
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
        if (Required(path, metadata, "data_fingerprint") != dataFingerprint || Required(path, metadata, "options_fingerprint") != optionsFingerprint)
        {
            throw new InvalidOperationException($"checkpoint '{path}' belongs to other pairs or options; delete it to start over");
        }
        var weights = tensors.Where(t => t.Key.StartsWith("policy/", StringComparison.Ordinal)).ToDictionary(t => t.Key["policy/".Length..], t => t.Value);
        PolicyCheckpoint.Assign(path, policy, weights);
        int count = optimizer.FirstMoments.Count;
        var first = new List<Tensor>();
        var second = new List<Tensor>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                first.Add(Moment(path, tensors, $"adam/m/{i:D4}", policy.Device));
                second.Add(Moment(path, tensors, $"adam/v/{i:D4}", policy.Device));
            }
            optimizer.Restore(Number<long>(path, metadata, "optimizer_step"), first, second);
        }
        finally
        {
            foreach (var t in first.Concat(second)) t.Dispose();
        }
        if (!tensors.TryGetValue("reference_logprobs", out var reference)) throw new CheckpointException(path, "lacks the reference log-probabilities");
        return new State(
            Number<long>(path, metadata, "next_step"),
            Number<ulong>(path, metadata, "shuffle_seed"),
            dataFingerprint,
            optionsFingerprint,
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(reference.Data).ToArray(),
            DpoMetrics.Parse(Required(path, metadata, "metrics")) ?? throw new CheckpointException(path, "has unreadable training metrics"));
    }

    private static T Number<T>(string path, IReadOnlyDictionary<string, string> metadata, string key) where T : IParsable<T> =>
        T.TryParse(Required(path, metadata, key), CultureInfo.InvariantCulture, out var value) ? value : throw new CheckpointException(path, $"has an unreadable '{key}'");

    private static string Required(string path, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new CheckpointException(path, $"lacks '{key}' in its metadata");

    private static Tensor Moment(string path, IReadOnlyDictionary<string, NamedTensor> tensors, string name, Device device) =>
        tensors.TryGetValue(name, out var stored) ? stored.ToTensor(device) : throw new CheckpointException(path, $"lacks optimizer state '{name}'");
}
