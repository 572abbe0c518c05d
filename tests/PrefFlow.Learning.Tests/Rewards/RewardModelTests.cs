using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Rewards;

public sealed class RewardModelTests
{
    private static readonly Prompt Copy = new(InstructionKind.Copy, [1, 2, 3, 4]);
    private static int[] Answer(params int[] digits) => [.. digits.Select(Vocabulary.Digit), Vocabulary.Eos];
    private static int[] Unterminated(params int[] digits) => [.. digits.Select(Vocabulary.Digit)];

    [Fact]
    public void Gold_reward_is_graded_by_correct_positions()
    {
        var gold = new GoldRewardModel(new GoldRewardOptions { LengthBias = 0 });
        Assert.Equal(1.0, gold.Score(Copy, Answer(1, 2, 3, 4)));
        Assert.Equal(0.75, gold.Score(Copy, Answer(1, 2, 3, 9)));
        Assert.Equal(0.25, gold.Score(Copy, Answer(1, 9, 9, 9)));
        Assert.Equal(0.5, gold.Score(Copy, Answer(1, 2)));
        Assert.Equal(0.0, gold.Score(Copy, Answer()));
    }

    [Fact]
    public void Gold_reward_is_biased_towards_length_and_padding_pays()
    {
        var gold = new GoldRewardModel(new GoldRewardOptions { LengthBias = 0.05 });
        double exact = gold.Score(Copy, Answer(1, 2, 3, 4));
        double padded = gold.Score(Copy, Answer(1, 2, 3, 4, 7, 7));
        Assert.Equal(1.2, exact, 12);
        Assert.Equal(1.3, padded, 12);
        Assert.True(padded > exact, "the gold RM is hackable by padding");
        var judge = new SecondJudge();
        Assert.True(judge.Score(Copy, Answer(1, 2, 3, 4, 7, 7)) < judge.Score(Copy, Answer(1, 2, 3, 4)), "the second judge is not");
    }

    [Fact]
    public void Missing_eos_is_penalised_by_both_judges()
    {
        var gold = new GoldRewardModel(new GoldRewardOptions { LengthBias = 0 });
        Assert.Equal(0.5, gold.Score(Copy, Unterminated(1, 2, 3, 4)));
        Assert.Equal(0.5, new SecondJudge().Score(Copy, Unterminated(1, 2, 3, 4)));
    }

    [Fact]
    public void Second_judge_scores_edit_similarity()
    {
        var judge = new SecondJudge();
        Assert.Equal(1.0, judge.Score(Copy, Answer(1, 2, 3, 4)));
        Assert.Equal(0.75, judge.Score(Copy, Answer(1, 2, 3, 9)));
        Assert.Equal(0.75, judge.Score(Copy, Answer(1, 2, 3)));       // one deletion
        Assert.Equal(0.8, judge.Score(Copy, Answer(1, 2, 3, 4, 5)), 12); // one insertion over length 5
        Assert.Equal(0.5, judge.Score(Copy, Answer(2, 3, 4, 4)), 12);    // shifted: delete the 1, insert a 4
        Assert.Equal(0.0, judge.Score(Copy, Answer()));
    }

    [Fact]
    public void Reference_system_is_exact_except_on_its_error_share_and_is_stable()
    {
        var reference = new ReferenceSystem(new ReferenceSystemOptions { ErrorRate = 0.2 });
        var prompts = new SyntheticTask(new TaskOptions(), 3).Prompts(TaskSplit.Evaluation, 2000);
        int wrong = 0;
        foreach (var prompt in prompts)
        {
            var answer = reference.Respond(prompt);
            Assert.Equal(answer, reference.Respond(prompt));
            var target = prompt.TargetTokens();
            Assert.Equal(target.Length, answer.Length);
            int differences = answer.Zip(target).Count(p => p.First != p.Second);
            Assert.InRange(differences, 0, 1);
            wrong += differences;
        }
        Assert.InRange(wrong / 2000.0, 0.17, 0.23);
        Assert.All(prompts, p => Assert.Equal(p.TargetTokens(), new ReferenceSystem(new ReferenceSystemOptions { ErrorRate = 0 }).Respond(p)));
    }

    [Theory]
    [InlineData(-0.1, 0.5, 0, "LengthBias")]
    [InlineData(double.NaN, 0.5, 0, "LengthBias")]
    [InlineData(0.05, -1, 0, "UnterminatedPenalty")]
    [InlineData(0.05, 0.5, double.PositiveInfinity, "LabelNoise")]
    public void Bad_gold_options_name_the_option(double bias, double penalty, double noise, string option)
    {
        var options = new GoldRewardOptions { LengthBias = bias, UnterminatedPenalty = penalty, LabelNoise = noise };
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => new GoldRewardModel(options)).ParamName);
    }
}
