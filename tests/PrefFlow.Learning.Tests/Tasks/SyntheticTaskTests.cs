using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Tasks;

public sealed class SyntheticTaskTests
{
    private static readonly SyntheticTask Task = new(new TaskOptions(), 42);

    [Theory]
    [InlineData(InstructionKind.Copy, new[] { 3, 1, 2 }, new[] { 3, 1, 2 })]
    [InlineData(InstructionKind.Reverse, new[] { 3, 1, 2 }, new[] { 2, 1, 3 })]
    [InlineData(InstructionKind.Sort, new[] { 3, 1, 2, 1 }, new[] { 1, 1, 2, 3 })]
    [InlineData(InstructionKind.Increment, new[] { 9, 0, 5 }, new[] { 0, 1, 6 })]
    [InlineData(InstructionKind.Rotate, new[] { 3, 1, 2 }, new[] { 1, 2, 3 })]
    public void Each_kind_has_the_intended_answer(InstructionKind kind, int[] digits, int[] expected)
    {
        var prompt = new Prompt(kind, digits);
        Assert.Equal(expected, prompt.TargetDigits());
        Assert.Equal([.. expected.Select(Vocabulary.Digit), Vocabulary.Eos], prompt.TargetTokens());
        Assert.Equal(Vocabulary.Bos, prompt.Tokens()[0]);
        Assert.Equal(Vocabulary.Sep, prompt.Tokens()[^1]);
    }

    [Fact]
    public void Splits_are_disjoint_and_every_prompt_belongs_to_its_split()
    {
        var seen = new Dictionary<Prompt, TaskSplit>();
        foreach (var split in Enum.GetValues<TaskSplit>())
        {
            foreach (var prompt in Task.Prompts(split, 3000))
            {
                Assert.Equal(split, SyntheticTask.SplitOf(prompt));
                if (seen.TryGetValue(prompt, out var other)) Assert.Equal(split, other);
                seen[prompt] = split;
            }
        }
        Assert.True(seen.Count > 11_000, "prompts are diverse");
    }

    [Fact]
    public void Prompts_depend_only_on_seed_split_and_index()
    {
        var all = Task.Prompts(TaskSplit.Iteration, 50);
        var slice = Task.Prompts(TaskSplit.Iteration, 20, offset: 30);
        Assert.Equal(all[30..], slice);
        Assert.Equal(all, new SyntheticTask(new TaskOptions(), 42).Prompts(TaskSplit.Iteration, 50));
        Assert.NotEqual(all, new SyntheticTask(new TaskOptions(), 43).Prompts(TaskSplit.Iteration, 50));
    }

    [Fact]
    public void Prompts_respect_the_options()
    {
        var task = new SyntheticTask(new TaskOptions { MinDigits = 4, MaxDigits = 5, Kinds = [InstructionKind.Sort] }, 1);
        var prompts = task.Prompts(TaskSplit.Sft, 500);
        Assert.All(prompts, p => Assert.InRange(p.Digits.Length, 4, 5));
        Assert.All(prompts, p => Assert.Equal(InstructionKind.Sort, p.Kind));
        Assert.Contains(prompts, p => p.Digits.Length == 4);
        Assert.Contains(prompts, p => p.Digits.Length == 5);
    }

    [Fact]
    public void Demonstrations_are_noisy_at_about_the_configured_rate()
    {
        var task = new SyntheticTask(new TaskOptions { DemonstrationNoise = 0.25, SlipRate = 0 }, 42);
        var random = new SeededRandom(5);
        var prompts = task.Prompts(TaskSplit.Sft, 4000);
        double wrongDigits = 0, digits = 0;
        int exact = 0;
        foreach (var prompt in prompts)
        {
            var demo = task.Demonstration(prompt, random);
            var target = prompt.TargetTokens();
            if (demo.SequenceEqual(target)) exact++;
            for (int i = 0; i < Math.Min(demo.Length, target.Length) - 1; i++)
            {
                digits++;
                if (demo[i] != target[i]) wrongDigits++;
            }
        }
        // 25% of digits are redrawn, a tenth of which land on the right digit: about 22.5% wrong.
        Assert.InRange(wrongDigits / digits, 0.20, 0.25);
        Assert.InRange(exact / (double)prompts.Length, 0.05, 0.35);
    }

    [Fact]
    public void Noise_free_demonstrations_are_the_answers()
    {
        var task = new SyntheticTask(new TaskOptions { DemonstrationNoise = 0, SlipRate = 0 }, 1);
        var random = new SeededRandom(1);
        Assert.All(task.Prompts(TaskSplit.Sft, 200), p => Assert.Equal(p.TargetTokens(), task.Demonstration(p, random)));
    }

    [Theory]
    [InlineData(InstructionKind.Copy, new[] { 3, 1, 2 }, new[] { 3, 2, 1 })]
    [InlineData(InstructionKind.Reverse, new[] { 3, 1, 2 }, new[] { 3, 2, 1 })]
    [InlineData(InstructionKind.Sort, new[] { 3, 1, 2 }, new[] { 3, 2, 1 })]
    [InlineData(InstructionKind.Increment, new[] { 9, 0, 5 }, new[] { 9, 1, 6 })]
    [InlineData(InstructionKind.Rotate, new[] { 3, 1, 2 }, new[] { 2, 3, 1 })]
    public void Each_kind_has_a_plausible_slip_of_the_answers_length(InstructionKind kind, int[] digits, int[] slip)
    {
        var prompt = new Prompt(kind, digits);
        Assert.Equal(slip, prompt.SlipDigits());
        Assert.NotEqual(prompt.TargetDigits(), prompt.SlipDigits());
    }

    [Fact]
    public void Demonstrations_slip_at_the_configured_rate()
    {
        var task = new SyntheticTask(new TaskOptions { DemonstrationNoise = 0, SlipRate = 0.5 }, 1);
        var random = new SeededRandom(2);
        var prompts = task.Prompts(TaskSplit.Sft, 4000).Where(p => !p.SlipDigits().SequenceEqual(p.TargetDigits())).ToList();
        int slipped = prompts.Count(p => task.Demonstration(p, random).SequenceEqual([.. p.SlipDigits().Select(Vocabulary.Digit), Vocabulary.Eos]));
        Assert.InRange(slipped / (double)prompts.Count, 0.46, 0.54);
    }

    [Theory]
    [InlineData(1, 8, 0.25, 16, "MinDigits")]
    [InlineData(5, 4, 0.25, 16, "MaxDigits")]
    [InlineData(3, 8, 1.0, 16, "DemonstrationNoise")]
    [InlineData(3, 8, -0.1, 16, "DemonstrationNoise")]
    [InlineData(3, 8, 0.25, 8, "MaxResponseTokens")]
    [InlineData(3, 8, 0.25, 16, "SlipRate", 1.5)]
    public void Bad_options_name_the_option(int min, int max, double noise, int maxTokens, string option, double slip = 0.5)
    {
        var options = new TaskOptions { MinDigits = min, MaxDigits = max, DemonstrationNoise = noise, MaxResponseTokens = maxTokens, SlipRate = slip };
        Assert.Equal(option, Assert.ThrowsAny<ArgumentException>(() => new SyntheticTask(options, 1)).ParamName);
    }

    [Fact]
    public void Tokens_read_back_as_text()
    {
        Assert.Equal("<s> reverse 1 2 3 |", Vocabulary.Describe(new Prompt(InstructionKind.Reverse, [1, 2, 3]).Tokens()));
    }
}
