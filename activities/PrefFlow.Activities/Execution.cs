using System.Runtime.InteropServices;
using System.Globalization;
using System.Text.Json.Nodes;
using PrefFlow.Learning.Training;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities;

/// <summary>Small pieces every activity shares: output values, progress adapters and running compute off the caller's thread.</summary>
internal static class Execution
{
    /// <summary>A number output; null when it is not finite (JSON has no NaN).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>
    /// A whole-number output, held as a 64-bit integer: <see cref="ActivityInputs.GetInt64"/> reads such values (and
    /// parsed JSON) but not an in-memory int, so a value bound straight into another node's input stays readable.
    /// </summary>
    public static JsonNode Integer(long value) => JsonValue.Create(value);

    /// <summary>
    /// Runs synchronous torch work on the thread pool, so the engine's thread is not held. An error raised inside the
    /// native torch runtime is reported as transient: the work is deterministic, so a retry recomputes the same result,
    /// and such errors can come from the process rather than the inputs (TorchSharp passes temporary scalars to native
    /// calls without keeping them alive, so a garbage collection at the wrong moment can free one mid-call).
    /// </summary>
    public static async Task<T> ComputeAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        catch (ExternalException error)
        {
            string first = error.Message.Split('\n', 2)[0].Trim();
            throw new TransientActivityException($"the torch runtime failed: {first}", error);
        }
    }

    /// <summary>
    /// Progress of batched work (sampling, scoring) in items: reports it to the context and stops the work between
    /// batches once <paramref name="cancellationToken"/> is cancelled (the learning core calls it after each batch).
    /// </summary>
    public static IProgress<int> Batches(IActivityContext context, string stage, long total, CancellationToken cancellationToken) =>
        new BatchProgress(context, stage, total, cancellationToken);

    /// <summary>Progress of a training loop, reported every update with its loss.</summary>
    public static IProgress<TrainingProgress> Training(IActivityContext context) => new TrainingProgressReporter(context);

    private sealed class BatchProgress(IActivityContext context, string stage, long total, CancellationToken cancellationToken) : IProgress<int>
    {
        private long _done;

        public void Report(int value)
        {
            _done += value;
            context.ReportProgress(new ActivityProgress(stage, _done, total));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private sealed class TrainingProgressReporter(IActivityContext context) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) =>
            context.ReportProgress(new ActivityProgress("training", value.Step, value.TotalSteps, "loss " + value.Loss.ToString("F4", CultureInfo.InvariantCulture)));
    }
}
