using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Tests.Training;

public sealed class SftTrainerTests
{
    private static readonly SftOptions Options = new() { Steps = 7, BatchSize = 8, MicroBatchSize = 4, WarmupSteps = 2, LearningRate = 1e-3 };

    private static byte[] Weights(TransformerPolicy policy, TestModels.TempFolder folder, string name)
    {
        PolicyCheckpoint.Save(policy, folder.File(name));
        return SafeTensorsFile.Read(folder.File(name)).Tensors.OrderBy(t => t.Key).SelectMany(t => t.Value.Data).ToArray();
    }

    [Fact]
    public void Continuing_from_a_checkpoint_is_bit_identical_to_never_stopping()
    {
        using var folder = new TestModels.TempFolder();
        var task = new SyntheticTask(TestModels.Task, 3);
        using var uninterrupted = TestModels.Create(4);
        double expected = new SftTrainer(uninterrupted, Options).Train(task, seed: 9);

        string checkpoint = folder.File("sft.state");
        var saved = new List<int>();
        using var cts = new CancellationTokenSource();
        using var interrupted = TestModels.Create(4);
        var stopAfterFive = new SynchronousProgress(p => { if (p.Step == 5) cts.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            new SftTrainer(interrupted, Options with { CheckpointEvery = 2 }).Train(task, 9, checkpoint, stopAfterFive, cts.Token, saved.Add));
        Assert.Equal([2, 4], saved);
        Assert.True(File.Exists(checkpoint));

        // A fresh process would start from fresh weights: the checkpoint must carry everything.
        using var resumed = TestModels.Create(77);
        double actual = new SftTrainer(resumed, Options with { CheckpointEvery = 2 }).Train(task, 9, checkpoint, checkpointSaved: saved.Add);

        Assert.Equal(Weights(uninterrupted, folder, "a.safetensors"), Weights(resumed, folder, "b.safetensors"));
        Assert.Equal(expected, actual);
        Assert.Equal([2, 4, 6], saved);
        Assert.False(File.Exists(checkpoint), "the finished run removes its checkpoint");
    }

    [Fact]
    public void A_checkpoint_of_another_seed_is_refused()
    {
        using var folder = new TestModels.TempFolder();
        var task = new SyntheticTask(TestModels.Task, 3);
        string checkpoint = folder.File("sft.state");
        using var cts = new CancellationTokenSource();
        using var policy = TestModels.Create(4);
        var stop = new SynchronousProgress(p => { if (p.Step == 2) cts.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            new SftTrainer(policy, Options with { CheckpointEvery = 1 }).Train(task, 9, checkpoint, stop, cts.Token));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new SftTrainer(policy, Options with { CheckpointEvery = 1 }).Train(task, 10, checkpoint));
        Assert.Contains("another task, seed or options", error.Message);
    }

    [Fact]
    public void A_negative_checkpoint_interval_is_refused()
    {
        using var policy = TestModels.Create(1);
        Assert.Equal("CheckpointEvery", Assert.Throws<ArgumentOutOfRangeException>(() => new SftTrainer(policy, Options with { CheckpointEvery = -1 })).ParamName);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the callback inline.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
