using System.Globalization;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// A mid-training state of <see cref="SftTrainer"/>: weights, optimiser moments and step, the next
/// update, and the losses kept for the report. The data of update k depends only on (task, seed, k),
/// so nothing else is needed for a continuation that is bit-identical on CPU to never stopping.
/// </summary>
internal static class SftCheckpoint
{
    public const string Format = "prefflow.sft-state";
    public const int FormatVersion = 1;

    public sealed record State(int NextStep, string Fingerprint, double[] TailLosses);

    public static void Save(string path, TransformerPolicy policy, AdamW optimizer, State state)
    {
        var tensors = new List<NamedTensor>();
        tensors.AddRange(policy.named_parameters().Select(p => NamedTensor.From("policy/" + p.name, p.parameter)));
        for (int i = 0; i < optimizer.FirstMoments.Count; i++)
        {
            tensors.Add(NamedTensor.From($"adam/m/{i:D4}", optimizer.FirstMoments[i]));
            tensors.Add(NamedTensor.From($"adam/v/{i:D4}", optimizer.SecondMoments[i]));
        }
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["next_step"] = state.NextStep.ToString(CultureInfo.InvariantCulture),
            ["optimizer_step"] = optimizer.Step.ToString(CultureInfo.InvariantCulture),
            ["fingerprint"] = state.Fingerprint,
            // "R" round-trips every double, so the reported loss does not change across a resume.
            ["tail_losses"] = string.Join(' ', state.TailLosses.Select(l => l.ToString("R", CultureInfo.InvariantCulture))),
        });
    }

    /// <summary>
    /// Restores weights and optimiser from <paramref name="path"/> and returns the rest of the state.
    /// A checkpoint of another task, seed or options is refused before anything is restored.
    /// </summary>
    public static State Load(string path, TransformerPolicy policy, AdamW optimizer, string fingerprint)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(path);
        PolicyCheckpoint.CheckFormat(path, metadata, Format, FormatVersion);
        if (Required(path, metadata, "fingerprint") != fingerprint)
        {
            throw new InvalidOperationException($"checkpoint '{path}' belongs to another task, seed or options; delete it to start over");
        }
        int nextStep = Number<int>(path, metadata, "next_step");
        long optimizerStep = Number<long>(path, metadata, "optimizer_step");
        var tail = new List<double>();
        foreach (string part in Required(path, metadata, "tail_losses").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tail.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double loss)
                ? loss : throw new CheckpointException(path, "has unreadable training losses"));
        }
        var weights = tensors.Where(t => t.Key.StartsWith("policy/", StringComparison.Ordinal)).ToDictionary(t => t.Key["policy/".Length..], t => t.Value);
        PolicyCheckpoint.Assign(path, policy, weights);
        var first = new List<Tensor>();
        var second = new List<Tensor>();
        try
        {
            for (int i = 0; i < optimizer.FirstMoments.Count; i++)
            {
                first.Add(Moment(path, tensors, $"adam/m/{i:D4}", policy.Device));
                second.Add(Moment(path, tensors, $"adam/v/{i:D4}", policy.Device));
            }
            optimizer.Restore(optimizerStep, first, second);
        }
        finally
        {
            foreach (var t in first.Concat(second)) t.Dispose();
        }
        return new State(nextStep, fingerprint, [.. tail]);
    }

    private static T Number<T>(string path, IReadOnlyDictionary<string, string> metadata, string key) where T : IParsable<T> =>
        T.TryParse(Required(path, metadata, key), CultureInfo.InvariantCulture, out var value) ? value : throw new CheckpointException(path, $"has an unreadable '{key}'");

    private static string Required(string path, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new CheckpointException(path, $"lacks '{key}' in its metadata");

    private static Tensor Moment(string path, IReadOnlyDictionary<string, NamedTensor> tensors, string name, Device device) =>
        tensors.TryGetValue(name, out var stored) ? stored.ToTensor(device) : throw new CheckpointException(path, $"lacks optimizer state '{name}'");
}
