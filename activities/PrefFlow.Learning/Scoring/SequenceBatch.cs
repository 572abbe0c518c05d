using static TorchSharp.torch;

namespace PrefFlow.Learning.Scoring;

/// <summary>
/// Prompt + response sequences right-padded into one teacher-forcing batch: inputs, next-token
/// targets, and a mask that is 1 exactly on the positions that predict a response token. Right
/// padding never changes a causal model's outputs at earlier positions.
/// </summary>
internal sealed class SequenceBatch : IDisposable
{
    private SequenceBatch(Tensor inputs, Tensor targets, Tensor mask)
    {
        Inputs = inputs;
        Targets = targets;
        Mask = mask;
    }

    public Tensor Inputs { get; }
    public Tensor Targets { get; }
    public Tensor Mask { get; }

    public static SequenceBatch Build(IReadOnlyList<ScoredSequence> items, Device device)
    {
        int width = items.Max(s => s.Prompt.Length + s.Response.Length) - 1;
        var inputs = new long[items.Count * width];
        var targets = new long[items.Count * width];
        var mask = new float[items.Count * width];
        for (int row = 0; row < items.Count; row++)
        {
            var (prompt, response) = items[row];
            if (prompt.Length == 0) throw new ArgumentException($"sequence {row} has an empty prompt", nameof(items));
            int length = prompt.Length + response.Length;
            for (int t = 0; t < length - 1; t++)
            {
                inputs[row * width + t] = t < prompt.Length ? prompt[t] : response[t - prompt.Length];
                int next = t + 1;
                targets[row * width + t] = next < prompt.Length ? prompt[next] : response[next - prompt.Length];
                mask[row * width + t] = next >= prompt.Length ? 1f : 0f;
            }
        }
        return new SequenceBatch(
            tensor(inputs, [items.Count, width], device: device),
            tensor(targets, [items.Count, width], device: device),
            tensor(mask, [items.Count, width], device: device));
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
        Mask.Dispose();
    }
}
