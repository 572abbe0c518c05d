using System.Text;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Tasks;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Tests;

public sealed class DatasetTests
{
    private static readonly SyntheticTask Task = new(new TaskOptions(), 5);
    private static readonly Prompt[] Prompts = Task.Prompts(TaskSplit.Iteration, 3);

    private static ResponsesDataset Responses() =>
        new(Prompts, [.. Prompts.Select((p, i) => new[] { p.TargetTokens(), new[] { Vocabulary.Digit(i), Vocabulary.Eos }, new[] { Vocabulary.Bos, 99, Vocabulary.Pad } })]);

    private static PairsDataset Pairs() => new(
        [new(0, Prompts[0], 0, 2, Prompts[0].TargetTokens(), [Vocabulary.Eos], -0.25, 1.5), new(2, Prompts[2], 1, 2, [Vocabulary.Digit(3)], [Vocabulary.Digit(4), Vocabulary.Eos], 0.0, 0.1)],
        prompts: 3, scored: true);

    [Fact]
    public void Every_token_sequence_reads_back_from_its_text()
    {
        int[] all = [.. Enumerable.Range(0, Vocabulary.Size), 57, 0];
        Assert.Equal(all, TokenText.TryParse(TokenText.Format(all)));
        Assert.Equal("3 1 4 </s>", TokenText.Format([Vocabulary.Digit(3), Vocabulary.Digit(1), Vocabulary.Digit(4), Vocabulary.Eos]));
        Assert.Empty(TokenText.TryParse("")!);
        Assert.Null(TokenText.TryParse("3 x 4"));
    }

    [Fact]
    public async Task Datasets_read_back_what_was_written()
    {
        var prompts = await PromptsDataset.ReadAsync(await new PromptsDataset(Prompts, "train", 16).WriteAsync(default), default);
        Assert.Equal(Prompts, prompts.Prompts);
        Assert.Equal(("train", 16), (prompts.Split, prompts.MaxResponseTokens));

        var responses = await ResponsesDataset.ReadAsync(await Responses().WriteAsync(default), default);
        Assert.Equal(Responses().Responses, responses.Responses);

        var scores = new ScoresDataset(Responses(), [.. Enumerable.Range(0, 9).Select(i => -1.0 - i)], [.. Enumerable.Range(0, 9).Select(i => -2.0)], [.. Enumerable.Range(0, 9).Select(i => 1.0 - i)], true);
        var scoresBack = await ScoresDataset.ReadAsync(await scores.WriteAsync(default), default);
        Assert.Equal(scores.Rewards, scoresBack.Rewards);
        Assert.Equal(scores.PolicyLogProbs, scoresBack.PolicyLogProbs);
        Assert.True(scoresBack.LengthNormalised);

        var pairs = await PairsDataset.ReadAsync(await Pairs().WriteAsync(default), default);
        Assert.Equal(3, pairs.Prompts);
        Assert.Equal(Pairs().Pairs.Select(p => (p.PromptIndex, p.First, p.Second, p.Margin)), pairs.Pairs.Select(p => (p.PromptIndex, p.First, p.Second, p.Margin)));
        Assert.Equal(Pairs().Pairs[0].FirstTokens, pairs.Pairs[0].FirstTokens);

        var labelled = new LabelledPairsDataset([new(1, Prompts[1], Prompts[1].TargetTokens(), [Vocabulary.Eos], 1.0, 0.5, -0.3, false)], scored: false);
        var labelledBack = await LabelledPairsDataset.ReadAsync(await labelled.WriteAsync(default), default);
        Assert.Equal(labelled.Pairs[0].Chosen, labelledBack.Pairs[0].Chosen);
        Assert.Equal(0.5, labelledBack.Pairs[0].GoldMargin);
        Assert.False(labelledBack.Scored);
    }

    [Fact]
    public async Task Writing_the_same_rows_gives_the_same_bytes_at_any_time()
    {
        byte[] first = await Pairs().WriteAsync(default);
        await System.Threading.Tasks.Task.Delay(1100); // a timestamp in the file would differ by now
        byte[] second = await Pairs().WriteAsync(default);
        Assert.Equal(first, second);
        Assert.Equal("PAR1", Encoding.ASCII.GetString(first, 0, 4));
    }

    [Fact]
    public async Task A_dataset_of_another_kind_or_bytes_that_are_not_parquet_are_refused()
    {
        byte[] responses = await Responses().WriteAsync(default);
        var kind = await Assert.ThrowsAsync<InvalidDataException>(() => PairsDataset.ReadAsync(responses, default));
        Assert.Contains("'responses' dataset, not a 'pairs' dataset", kind.Message);
        var garbage = await Assert.ThrowsAsync<InvalidDataException>(() => PromptsDataset.ReadAsync(Encoding.UTF8.GetBytes("PAR1 nonsense PAR1"), default));
        Assert.Contains("not a readable Parquet file", garbage.Message);
    }

    [Fact]
    public void The_task_definition_reads_back_from_its_json()
    {
        var definition = new TaskDefinition(ulong.MaxValue, new TaskOptions { MinDigits = 4, Kinds = [InstructionKind.Sort, InstructionKind.Copy] },
            new GoldRewardOptions { LabelNoise = 0.3 }, new ReferenceSystemOptions { ErrorRate = 0.1 });
        byte[] json = definition.ToJson();
        var back = TaskDefinition.Parse(json);
        Assert.Equal(ulong.MaxValue, back.Seed);
        Assert.Equal(definition.Task.Kinds, back.Task.Kinds);
        Assert.Equal(definition.Task with { Kinds = back.Task.Kinds }, back.Task);
        Assert.Equal(definition.GoldReward, back.GoldReward);
        Assert.Equal(definition.ReferenceSystem, back.ReferenceSystem);
        Assert.Equal(json, back.ToJson());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"format\":\"other\"}", "format is 'other'")]
    [InlineData("{\"format\":\"prefflow.task\",\"formatVersion\":2}", "format version 2")]
    public void A_json_that_is_not_a_task_definition_is_refused(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => TaskDefinition.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_out_of_range_option_in_the_json_is_refused()
    {
        string json = Encoding.UTF8.GetString(new TaskDefinition(1, new TaskOptions(), new GoldRewardOptions(), new ReferenceSystemOptions()).ToJson())
            .Replace("\"errorRate\": 0.2", "\"errorRate\": 1.5", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => TaskDefinition.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("ErrorRate", error.Message);
    }
}
