using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

/// <summary>An interrupted training node continues from its last checkpoint and ends with the same policy as an uninterrupted one.</summary>
public sealed class ResumeTests(MiniPipeline pipeline) : IClassFixture<MiniPipeline>
{
    private Dictionary<string, JsonNode?> TrainInputs() => new()
    {
        ["policy"] = pipeline.Out("pi0", "policy"),
        ["reference"] = pipeline.Out("pretrain", "policy"),
        ["pairs"] = pipeline.Out("oracle", "labelled"),
        ["batchSize"] = 1,
        ["epochs"] = 2,
        ["learningRate"] = 1e-3,
        ["checkpointEvery"] = 2,
    };

    private Dictionary<string, JsonNode?> PretrainInputs() => new()
    {
        ["task"] = pipeline.Out("task", "task"),
        ["steps"] = 6,
        ["batchSize"] = 8,
        ["checkpointEvery"] = 2,
    };

    [Theory]
    [InlineData("train")]
    [InlineData("pretrain")]
    public async Task A_node_cancelled_after_a_checkpoint_resumes_to_a_byte_identical_policy(string activity)
    {
        var inputs = activity == "train" ? TrainInputs() : PretrainInputs();
        var h = pipeline.Harness;
        var uninterrupted = await h.RunAsync(activity, inputs, seed: 7);

        var slot = new TestActivityContext.CheckpointSlot();
        using var cts = new CancellationTokenSource();
        var first = h.Context(activity, inputs, seed: 7, slot, p => { if (p.Stage == "training" && p.Done == 3) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.RunAsync(first, activity, cts.Token));
        Assert.NotNull(slot.Latest);
        Assert.Equal(2, slot.Latest!.State["step"]!.GetValue<long>());
        Assert.True(await h.Store.ExistsAsync(slot.Latest.Artifact));

        var second = h.Context(activity, inputs, seed: 7, slot);
        var resumed = await h.RunAsync(second, activity);
        Assert.Equal(3, second.Progress.First(p => p.Stage == "training").Done); // it went on after step 2, not from the start
        Assert.Contains(second.Logs, l => l.Contains("continuing", StringComparison.Ordinal));
        Assert.Equal(Harness.Hash(uninterrupted["policy"]), Harness.Hash(resumed["policy"]));
        Assert.True(JsonNode.DeepEquals(uninterrupted["loss"], resumed["loss"]));
    }

    [Fact]
    public async Task Training_reports_progress_every_step_with_its_loss()
    {
        var context = pipeline.Harness.Context("train", TrainInputs(), seed: 8);
        var outputs = await pipeline.Harness.RunAsync(context, "train");
        var steps = context.Progress.Where(p => p.Stage == "training").ToList();
        long total = outputs["steps"]!.GetValue<long>();
        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), steps.Select(p => p.Done));
        Assert.All(steps, p => Assert.Equal(total, p.Total));
        Assert.All(steps, p => Assert.StartsWith("loss ", p.Detail));
        Assert.Equal((int)((total - 1) / 2), context.Slot.Saves); // every 2 steps, none after the last
    }

    [Fact]
    public async Task A_checkpoint_of_other_inputs_is_ignored_and_training_starts_afresh()
    {
        var h = pipeline.Harness;
        var expected = await h.RunAsync("train", TrainInputs(), seed: 9);
        var slot = new TestActivityContext.CheckpointSlot();
        using var cts = new CancellationTokenSource();
        var other = TrainInputs();
        other["beta"] = 0.5;
        var first = h.Context("train", other, seed: 9, slot, p => { if (p.Stage == "training" && p.Done == 3) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.RunAsync(first, "train", cts.Token));

        var second = h.Context("train", TrainInputs(), seed: 9, slot);
        var outputs = await h.RunAsync(second, "train");
        Assert.Contains(second.Logs, l => l.Contains("starts afresh", StringComparison.Ordinal));
        Assert.Equal(Harness.Hash(expected["policy"]), Harness.Hash(outputs["policy"]));
    }

    [Fact]
    public async Task Sampling_stops_between_batches_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var context = pipeline.Harness.Context("sample", new()
        {
            ["policy"] = pipeline.Out("pi0", "policy"),
            ["prompts"] = pipeline.Out("prompts", "prompts"),
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.Harness.RunAsync(context, "sample", cts.Token));
    }
}
