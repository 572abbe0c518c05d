using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Tasks;

/// <summary>
/// The seeded synthetic instruction-following task: draws prompts for each disjoint split and
/// deliberately imperfect demonstrations. Prompt <c>i</c> of a split depends only on the task seed,
/// the split and <c>i</c>, so any slice of a split can be regenerated without the rest.
/// </summary>
public sealed class SyntheticTask
{
    private const int SplitBuckets = 20;
    private readonly ulong _seed;

    /// <summary>Creates the task for <paramref name="seed"/>.</summary>
    public SyntheticTask(TaskOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _seed = seed;
    }

    /// <summary>The task's shape.</summary>
    public TaskOptions Options { get; }

    /// <summary>The seed the task was created with: with <see cref="Options"/> it determines every prompt and demonstration.</summary>
    public ulong Seed => _seed;

    /// <summary>The split a prompt belongs to: 2/20 evaluation, 4/20 SFT, 4/20 offline, 10/20 iteration.</summary>
    public static TaskSplit SplitOf(Prompt prompt) => (prompt.Fingerprint() % SplitBuckets) switch
    {
        < 2 => TaskSplit.Evaluation,
        < 6 => TaskSplit.Sft,
        < 10 => TaskSplit.Offline,
        _ => TaskSplit.Iteration,
    };

    /// <summary>Prompts <paramref name="offset"/> .. <paramref name="offset"/>+<paramref name="count"/>-1 of a split.</summary>
    public Prompt[] Prompts(TaskSplit split, int count, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var prompts = new Prompt[count];
        ulong splitSeed = Seeds.Derive(_seed, "prompts/" + split);
        for (int i = 0; i < count; i++)
        {
            prompts[i] = PromptAt(split, Seeds.Derive(splitSeed, offset + i));
        }
        return prompts;
    }

    /// <summary>
    /// A demonstration for <paramref name="prompt"/>: with probability <see cref="TaskOptions.SlipRate"/>
    /// the kind's systematic slip, otherwise the correct answer; then each digit replaced
    /// by a random one with probability <see cref="TaskOptions.DemonstrationNoise"/>, and with a quarter
    /// of that probability the last digit dropped or an extra digit appended.
    /// </summary>
    public int[] Demonstration(Prompt prompt, SeededRandom random)
    {
        var digits = (random.NextDouble() < Options.SlipRate ? prompt.SlipDigits() : prompt.TargetDigits()).ToList();
        double noise = Options.DemonstrationNoise;
        for (int i = 0; i < digits.Count; i++)
        {
            if (random.NextDouble() < noise) digits[i] = random.NextInt(10);
        }
        if (random.NextDouble() < noise / 4)
        {
            if (random.NextDouble() < 0.5 && digits.Count > 1) digits.RemoveAt(digits.Count - 1);
            else digits.Add(random.NextInt(10));
        }
        return [.. digits.Select(Vocabulary.Digit), Vocabulary.Eos];
    }

    private Prompt PromptAt(TaskSplit split, ulong seed)
    {
        // Rejection sampling on the content fingerprint keeps the splits disjoint by construction;
        // about 1/10 .. 1/2 of draws are accepted, depending on the split's share.
        var random = new SeededRandom(seed);
        while (true)
        {
            var kind = Options.Kinds[random.NextInt(Options.Kinds.Count)];
            var digits = new int[random.NextInt(Options.MinDigits, Options.MaxDigits)];
            for (int i = 0; i < digits.Length; i++) digits[i] = random.NextInt(10);
            var prompt = new Prompt(kind, digits);
            if (SplitOf(prompt) == split) return prompt;
        }
    }
}
