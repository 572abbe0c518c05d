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
        List<NamedTensor> tensors = TrainingStateFile.Tensors(policy, optimizer);
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            ["next_step"] = state.NextStep.ToString(CultureInfo.InvariantCulture),
            [TrainingStateFile.OptimizerStepKey] = optimizer.Step.ToString(CultureInfo.InvariantCulture),
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
        if (TrainingStateFile.Required(path, metadata, "fingerprint") != fingerprint)
        {
            throw new InvalidOperationException($"checkpoint '{path}' belongs to another task, seed or options; delete it to start over");
        }
        int nextStep = TrainingStateFile.Number<int>(path, metadata, "next_step");
        var tail = new List<double>();
        foreach (string part in TrainingStateFile.Required(path, metadata, "tail_losses").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tail.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double loss)
                ? loss : throw new CheckpointException(path, "has unreadable training losses"));
        }
        TrainingStateFile.Restore(path, tensors, metadata, policy, optimizer);
        return new State(nextStep, fingerprint, [.. tail]);
    }
}
