using System.Globalization;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Training;

/// <summary>
/// What every trainer's checkpoint holds the same way: the policy's weights under "policy/", AdamW's moments under
/// "adam/m/NNNN" and "adam/v/NNNN" with its step in the metadata, and readers for metadata values that name the
/// file and the key when something is missing. <see cref="SftCheckpoint"/> and <see cref="DpoCheckpoint"/> add their own state.
/// </summary>
internal static class TrainingStateFile
{
    /// <summary>The weight and moment tensors, for <see cref="SafeTensorsFile.Write"/>.</summary>
    public static List<NamedTensor> Tensors(TransformerPolicy policy, AdamW optimizer)
    {
        var tensors = new List<NamedTensor>();
        tensors.AddRange(policy.named_parameters().Select(p => NamedTensor.From("policy/" + p.name, p.parameter)));
        for (int i = 0; i < optimizer.FirstMoments.Count; i++)
        {
            tensors.Add(NamedTensor.From($"adam/m/{i:D4}", optimizer.FirstMoments[i]));
            tensors.Add(NamedTensor.From($"adam/v/{i:D4}", optimizer.SecondMoments[i]));
        }
        return tensors;
    }

    /// <summary>The metadata key of the optimizer's step.</summary>
    public const string OptimizerStepKey = "optimizer_step";

    /// <summary>Puts the stored weights into <paramref name="policy"/> and the stored moments and step into <paramref name="optimizer"/>.</summary>
    public static void Restore(
        string path, IReadOnlyDictionary<string, NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata, TransformerPolicy policy, AdamW optimizer)
    {
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
            optimizer.Restore(Number<long>(path, metadata, OptimizerStepKey), first, second);
        }
        finally
        {
            foreach (var t in first.Concat(second)) t.Dispose();
        }
    }

    public static T Number<T>(string path, IReadOnlyDictionary<string, string> metadata, string key) where T : IParsable<T> =>
        T.TryParse(Required(path, metadata, key), CultureInfo.InvariantCulture, out var value) ? value : throw new CheckpointException(path, $"has an unreadable '{key}'");

    public static string Required(string path, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new CheckpointException(path, $"lacks '{key}' in its metadata");

    private static Tensor Moment(string path, IReadOnlyDictionary<string, NamedTensor> tensors, string name, Device device) =>
        tensors.TryGetValue(name, out var stored) ? stored.ToTensor(device) : throw new CheckpointException(path, $"lacks optimizer state '{name}'");
}
