using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>
/// Small activities that exercise the engine: arithmetic, blobs, failures on demand, blocking and checkpoints.
/// Behaviour that a test steers (how often to fail, when to block) lives in a <see cref="TestControl"/> per test.
/// </summary>
internal static class TestActivities
{
    public static ActivityRegistry Registry(TestControl control) => new(
    [
        new Lambda(new ActivityDescriptor("add", "test", "a + b",
            [new InputDescriptor("a", DataType.Integer, Required: true), new InputDescriptor("b", DataType.Integer, Default: 0)],
            [new OutputDescriptor("sum", DataType.Integer) { IsMetric = true }]),
            (context, _) =>
            {
                control.Record(context);
                return Task.FromResult(Outputs(("sum", context.Inputs.GetInt64("a") + context.Inputs.GetInt64("b"))));
            }),
        new Lambda(new ActivityDescriptor("measure", "test", "reports its input as a metric, null when not given",
            [new InputDescriptor("value", DataType.Number)],
            [new OutputDescriptor("score", DataType.Number) { IsMetric = true }]),
            (context, _) => Task.FromResult<IReadOnlyDictionary<string, JsonNode?>>(new Dictionary<string, JsonNode?>
            {
                ["score"] = context.Inputs.Has("value") ? JsonValue.Create(context.Inputs.GetDouble("value")) : null,
            })),
        new Lambda(new ActivityDescriptor("seed", "test", "returns the node's seed as text",
            [], [new OutputDescriptor("seed", DataType.String)]),
            (context, _) => Task.FromResult(Outputs(("seed", context.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))))),
        new Lambda(new ActivityDescriptor("write", "test", "stores text as a blob",
            [new InputDescriptor("text", DataType.String, Required: true)],
            [new OutputDescriptor("blob", DataType.Artifact)]),
            async (context, token) =>
            {
                control.Record(context);
                ArtifactRef blob = await context.Artifacts.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(context.Inputs.GetString("text"))), "text/plain", token);
                return Outputs(("blob", ArtifactValue.ToJson(blob)));
            }),
        new Lambda(new ActivityDescriptor("concat", "test", "joins two blobs' text",
            [new InputDescriptor("left", DataType.Artifact, Required: true), new InputDescriptor("right", DataType.Artifact, Required: true)],
            [new OutputDescriptor("blob", DataType.Artifact), new OutputDescriptor("length", DataType.Integer) { IsMetric = true }]),
            async (context, token) =>
            {
                control.Record(context);
                string text = await ReadAsync(context, "left", token) + await ReadAsync(context, "right", token);
                ArtifactRef blob = await context.Artifacts.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/plain", token);
                return Outputs(("blob", ArtifactValue.ToJson(blob)), ("length", text.Length));
            }),
        new Lambda(new ActivityDescriptor("flaky", "test", "fails as the test says, then succeeds",
            [new InputDescriptor("value", DataType.Integer, Default: 0)], [new OutputDescriptor("value", DataType.Integer)]),
            (context, _) =>
            {
                control.Record(context);
                control.MaybeFail(context.NodePath);
                return Task.FromResult(Outputs(("value", context.Inputs.GetInt64("value"))));
            }),
        new Lambda(new ActivityDescriptor("block", "test", "waits until the test releases it or the run is cancelled",
            [new InputDescriptor("value", DataType.Integer, Default: 0)], [new OutputDescriptor("value", DataType.Integer)]),
            async (context, token) =>
            {
                control.Record(context);
                await control.BlockAsync(context.NodePath, token);
                return Outputs(("value", context.Inputs.GetInt64("value")));
            }),
        new Lambda(new ActivityDescriptor("count", "test", "counts to steps, checkpointing every few steps",
            [new InputDescriptor("steps", DataType.Integer, Required: true), new InputDescriptor("every", DataType.Integer, Default: 2)],
            [new OutputDescriptor("total", DataType.Integer) { IsMetric = true }, new OutputDescriptor("resumedFrom", DataType.Integer)]),
            async (context, token) =>
            {
                control.Record(context);
                long steps = context.Inputs.GetInt64("steps"), every = context.Inputs.GetInt64("every");
                long step = 0, total = 0;
                ActivityCheckpoint? checkpoint = await context.LoadCheckpointAsync(token);
                if (checkpoint is not null)
                {
                    step = checkpoint.State["step"]!.GetValue<long>();
                    using var reader = new StreamReader(await context.Artifacts.OpenReadAsync(checkpoint.Artifact, token));
                    total = long.Parse(await reader.ReadToEndAsync(token), System.Globalization.CultureInfo.InvariantCulture);
                }
                long resumedFrom = step;
                while (step < steps)
                {
                    token.ThrowIfCancellationRequested();
                    total += step * step;
                    step++;
                    context.ReportProgress(new ActivityProgress("counting", step, steps));
                    if (step % every == 0)
                    {
                        ArtifactRef blob = await context.Artifacts.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(total.ToString(System.Globalization.CultureInfo.InvariantCulture))), "text/plain", token);
                        await context.SaveCheckpointAsync(new ActivityCheckpoint(blob, new JsonObject { ["step"] = step }), token);
                    }
                    await control.AfterStepAsync(context.NodePath, step, token);
                }
                return Outputs(("total", total), ("resumedFrom", resumedFrom));
            }),
        new Lambda(new ActivityDescriptor("sleep", "test", "sleeps, for timeouts",
            [new InputDescriptor("milliseconds", DataType.Integer, Required: true)], [new OutputDescriptor("done", DataType.Boolean)]),
            async (context, token) =>
            {
                control.Record(context);
                await Task.Delay(TimeSpan.FromMilliseconds(context.Inputs.GetInt64("milliseconds")), token);
                return Outputs(("done", true));
            }),
        new Lambda(new ActivityDescriptor("liar", "test", "returns an output its descriptor does not declare",
            [], [new OutputDescriptor("value", DataType.Integer)]),
            (_, _) => Task.FromResult(Outputs(("value", 1), ("extra", 2)))),
    ]);

    private static async Task<string> ReadAsync(IActivityContext context, string input, CancellationToken token)
    {
        using var reader = new StreamReader(await context.Artifacts.OpenReadAsync(context.Inputs.GetArtifact(input), token));
        return await reader.ReadToEndAsync(token);
    }

    private static IReadOnlyDictionary<string, JsonNode?> Outputs(params (string Name, JsonNode? Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);

    private sealed class Lambda(ActivityDescriptor descriptor, Func<IActivityContext, CancellationToken, Task<IReadOnlyDictionary<string, JsonNode?>>> execute) : IActivity
    {
        public ActivityDescriptor Descriptor => descriptor;

        public Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
            execute(context, cancellationToken);
    }
}

/// <summary>What a test tells its activities to do, and what they saw.</summary>
internal sealed class TestControl
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Exception> _failWith = new(StringComparer.Ordinal);
    private int _running;

    public ConcurrentQueue<(string Path, int Attempt)> Executions { get; } = new();

    public int MaxConcurrent { get; private set; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource BlockedOnce { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, called after every step of a "count" activity; may throw or block.</summary>
    public Func<string, long, CancellationToken, Task>? OnStep { get; set; }

    public int ExecutionsOf(string path) => Executions.Count(execution => execution.Path == path);

    public void Record(IActivityContext context) => Executions.Enqueue((context.NodePath, context.Attempt));

    public void FailTimes(string path, int times, Exception error)
    {
        _failuresLeft[path] = times;
        _failWith[path] = error;
    }

    public void MaybeFail(string path)
    {
        if (_failuresLeft.TryGetValue(path, out int left) && left > 0)
        {
            _failuresLeft[path] = left - 1;
            throw _failWith[path];
        }
    }

    public async Task BlockAsync(string path, CancellationToken token)
    {
        lock (this) MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
        try
        {
            BlockedOnce.TrySetResult();
            await Release.Task.WaitAsync(token);
        }
        finally
        {
            lock (this) _running--;
        }
    }

    public Task AfterStepAsync(string path, long step, CancellationToken token) => OnStep?.Invoke(path, step, token) ?? Task.CompletedTask;
}
