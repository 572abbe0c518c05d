using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Tests.Training;

public sealed class DpoTrainerTests
{
    private static readonly DpoOptions Options = new() { BatchSize = 8, MicroBatchSize = 3, Epochs = 2, LearningRate = 1e-3, NllWeight = 0 };

    private static List<PreferencePair> Pairs(int count, ulong seed)
    {
        var task = new SyntheticTask(TestModels.Task, seed);
        var random = new SeededRandom(seed);
        return [.. task.Prompts(TaskSplit.Iteration, count).Select(p => new PreferencePair(p.Tokens(), p.TargetTokens(), task.Demonstration(p, random) is var d && d.SequenceEqual(p.TargetTokens()) ? [.. d[..^1], Vocabulary.Digit(0), Vocabulary.Eos] : d))];
    }

    private static byte[] Weights(TransformerPolicy policy, TestModels.TempFolder folder, string name) =>
        SafeTensorsFile.Read(Save(policy, folder, name)).Tensors.OrderBy(t => t.Key).SelectMany(t => t.Value.Data).ToArray();

    [Fact]
    public void Training_raises_the_chosen_over_rejected_margin()
    {
        using var policy = TestModels.Create(1);
        using var reference = TestModels.Create(1);
        var report = new DpoTrainer(policy, reference, Options with { Epochs = 4 }).Train(Pairs(40, 2), seed: 3);
        Assert.Equal(20, report.Steps);
        Assert.Equal(40, report.Pairs);
        Assert.True(report.Margin > 0, $"margin {report.Margin}");
        Assert.True(report.RewardAccuracy > 0.6, $"reward accuracy {report.RewardAccuracy}");
        Assert.True(report.Loss < Math.Log(2), $"loss {report.Loss} should fall below log 2 (its value at the reference)");
    }

    [Fact]
    public void Simpo_training_lowers_its_loss()
    {
        var pairs = Pairs(40, 2);
        var simpo = Options with { Loss = PreferenceLossKind.SimPo, Beta = 2, Gamma = 1 };
        using var reference = TestModels.Create(1);
        using var once = TestModels.Create(1);
        var firstEpoch = new DpoTrainer(once, reference, simpo with { Epochs = 1 }).Train(pairs, seed: 3);
        using var longer = TestModels.Create(1);
        var lastEpoch = new DpoTrainer(longer, reference, simpo with { Epochs = 4 }).Train(pairs, seed: 3);
        Assert.True(lastEpoch.PreferenceLoss < 0.8 * firstEpoch.PreferenceLoss,
            $"SimPO loss {firstEpoch.PreferenceLoss} in the first epoch, {lastEpoch.PreferenceLoss} in the fourth");
    }

    [Fact]
    public void Simpo_training_does_not_depend_on_the_reference()
    {
        using var folder = new TestModels.TempFolder();
        var pairs = Pairs(16, 4);
        var simpo = Options with { Loss = PreferenceLossKind.SimPo, Epochs = 1 };
        using var first = TestModels.Create(2);
        using var second = TestModels.Create(2);
        using var oneReference = TestModels.Create(5);
        using var otherReference = TestModels.Create(6);
        var a = new DpoTrainer(first, oneReference, simpo).Train(pairs, seed: 1);
        var b = new DpoTrainer(second, otherReference, simpo).Train(pairs, seed: 1);
        Assert.Equal(Weights(first, folder, "a.safetensors"), Weights(second, folder, "b.safetensors"));
        Assert.Equal(a.PreferenceLoss, b.PreferenceLoss);
        Assert.NotEqual(a.ChosenReward, b.ChosenReward);     // the implicit-reward metrics still use the reference
    }

    [Fact]
    public void Continuing_from_a_checkpoint_is_bit_identical_to_never_stopping()
    {
        using var folder = new TestModels.TempFolder();
        var pairs = Pairs(37, 5);   // 5 updates per epoch, the last one partial
        using var uninterrupted = TestModels.Create(4);
        using var reference = TestModels.Create(4);
        var expected = new DpoTrainer(uninterrupted, reference, Options).Train(pairs, seed: 9);

        string checkpoint = folder.File("dpo.state");
        using var cts = new CancellationTokenSource();
        using var interrupted = TestModels.Create(4);
        var stopAfterSeven = new SynchronousProgress(p => { if (p.Step == 7) cts.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            new DpoTrainer(interrupted, reference, Options with { CheckpointEvery = 3 }).Train(pairs, 9, checkpoint, stopAfterSeven, cts.Token));
        Assert.True(File.Exists(checkpoint));

        // A fresh process would start from fresh weights: the checkpoint must carry everything.
        using var resumed = TestModels.Create(77);
        var actual = new DpoTrainer(resumed, reference, Options with { CheckpointEvery = 3 }).Train(pairs, 9, checkpoint);

        Assert.Equal(Weights(uninterrupted, folder, "a.safetensors"), Weights(resumed, folder, "b.safetensors"));
        Assert.Equal(expected, actual);
        Assert.False(File.Exists(checkpoint), "the finished run removes its checkpoint");
    }

    [Fact]
    public void A_checkpoint_of_other_data_is_refused()
    {
        using var folder = new TestModels.TempFolder();
        string checkpoint = folder.File("dpo.state");
        using var cts = new CancellationTokenSource();
        using var policy = TestModels.Create(4);
        using var reference = TestModels.Create(4);
        var stop = new SynchronousProgress(p => { if (p.Step == 2) cts.Cancel(); });
        Assert.Throws<OperationCanceledException>(() =>
            new DpoTrainer(policy, reference, Options with { CheckpointEvery = 1 }).Train(Pairs(20, 1), 9, checkpoint, stop, cts.Token));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new DpoTrainer(policy, reference, Options with { CheckpointEvery = 1 }).Train(Pairs(20, 2), 9, checkpoint));
        Assert.Contains("other pairs or options", error.Message);
    }

    [Fact]
    public void The_nll_term_raises_the_likelihood_of_chosen_responses_further()
    {
        var pairs = Pairs(40, 2);
        using var reference = TestModels.Create(1);
        using var plain = TestModels.Create(1);
        using var withNll = TestModels.Create(1);
        var a = new DpoTrainer(plain, reference, Options with { Epochs = 4 }).Train(pairs, 3);
        var b = new DpoTrainer(withNll, reference, Options with { Epochs = 4, NllWeight = 1 }).Train(pairs, 3);
        // Chosen rewards are beta * (log pi - log pi_ref) of the chosen responses.
        Assert.True(b.ChosenReward > a.ChosenReward, $"chosen reward {a.ChosenReward:F4} (DPO) vs {b.ChosenReward:F4} (DPO + NLL)");
    }

    [Fact]
    public void An_empty_corpus_is_refused_clearly()
    {
        using var policy = TestModels.Create(1);
        using var reference = TestModels.Create(1);
        var error = Assert.Throws<ArgumentException>(() => new DpoTrainer(policy, reference, Options).Train([], 1));
        Assert.Equal("pairs", error.ParamName);
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-1e-4)]
    public void A_non_finite_or_non_positive_learning_rate_is_refused(double rate)
    {
        using var policy = TestModels.Create(1);
        using var reference = TestModels.Create(1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DpoTrainer(policy, reference, Options with { LearningRate = rate }));
        Assert.Equal("LearningRate", error.ParamName);
        Assert.Contains("finite number > 0", error.Message);
    }

    [Fact]
    public void Other_bad_options_name_the_option()
    {
        using var policy = TestModels.Create(1);
        using var reference = TestModels.Create(1);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new DpoTrainer(policy, reference, Options with { Beta = 0 })).ParamName);
        Assert.Equal("MicroBatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new DpoTrainer(policy, reference, Options with { MicroBatchSize = 9 })).ParamName);
        Assert.Equal("LabelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new DpoTrainer(policy, reference, Options with { LabelSmoothing = 0.5 })).ParamName);
        Assert.Throws<ArgumentException>(() => new DpoTrainer(policy, policy, Options));
    }

    [Fact]
    public void Gradient_accumulation_matches_one_large_batch()
    {
        var pairs = Pairs(16, 8);
        using var reference = TestModels.Create(2);
        using var whole = TestModels.Create(2);
        using var accumulated = TestModels.Create(2);
        var a = new DpoTrainer(whole, reference, Options with { BatchSize = 16, MicroBatchSize = 16, Epochs = 1 }).Train(pairs, 1);
        var b = new DpoTrainer(accumulated, reference, Options with { BatchSize = 16, MicroBatchSize = 5, Epochs = 1 }).Train(pairs, 1);
        Assert.Equal(a.Loss, b.Loss, 5);
        using var folder = new TestModels.TempFolder();
        var wa = SafeTensorsFile.Read(Save(whole, folder, "a")).Tensors;
        var wb = SafeTensorsFile.Read(Save(accumulated, folder, "b")).Tensors;
        foreach (var (name, tensor) in wa)
        {
            float[] x = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.Data).ToArray();
            float[] y = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(wb[name].Data).ToArray();
            for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(x[i] - y[i]) < 1e-4, $"{name}[{i}]: {x[i]} vs {y[i]}");
        }
    }

    private static string Save(TransformerPolicy policy, TestModels.TempFolder folder, string name)
    {
        PolicyCheckpoint.Save(policy, folder.File(name));
        return folder.File(name);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the callback inline.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
