using System.Text;
using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

/// <summary>Bad inputs fail with an <see cref="ActivityException"/> whose message names the input at fault.</summary>
public sealed class ErrorTests(MiniPipeline pipeline) : IClassFixture<MiniPipeline>
{
    private async Task<string> FailsAsync(string activity, Dictionary<string, JsonNode?> inputs)
    {
        var error = await Assert.ThrowsAsync<ActivityException>(() => pipeline.Harness.RunAsync(activity, inputs));
        return error.Message;
    }

    [Fact]
    public async Task A_dataset_given_as_a_policy_is_refused()
    {
        string message = await FailsAsync("sample", new() { ["policy"] = pipeline.Out("prompts", "prompts"), ["prompts"] = pipeline.Out("prompts", "prompts") });
        Assert.Contains("input 'policy'", message);
        Assert.Contains(MediaTypes.Policy, message);
    }

    [Fact]
    public async Task A_dataset_of_the_wrong_kind_is_refused_by_name()
    {
        string message = await FailsAsync("sample", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["prompts"] = pipeline.Out("sample", "responses") });
        Assert.Contains("input 'prompts'", message);
        Assert.Contains("'responses' dataset, not a 'prompts' dataset", message);
    }

    [Fact]
    public async Task A_corrupt_dataset_is_refused()
    {
        var garbage = await pipeline.Harness.PutAsync(Encoding.UTF8.GetBytes("this is not parquet"), MediaTypes.Parquet);
        string message = await FailsAsync("score", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["reference"] = pipeline.Out("pretrain", "policy"), ["responses"] = garbage });
        Assert.Contains("input 'responses'", message);
        Assert.Contains("not a readable Parquet file", message);
    }

    [Fact]
    public async Task A_missing_artifact_is_refused()
    {
        var missing = new JsonObject { ["sha256"] = new string('a', 64), ["length"] = 10, ["mediaType"] = MediaTypes.Policy };
        string message = await FailsAsync("eval", new() { ["policy"] = missing, ["reference"] = pipeline.Out("pretrain", "policy"), ["task"] = pipeline.Out("task", "task"), ["prompts"] = 2 });
        Assert.Contains("input 'policy'", message);
    }

    [Fact]
    public async Task A_policy_file_that_is_not_a_policy_is_refused()
    {
        var fake = await pipeline.Harness.PutAsync(new byte[64], MediaTypes.Policy);
        string message = await FailsAsync("sample", new() { ["policy"] = fake, ["prompts"] = pipeline.Out("prompts", "prompts") });
        Assert.Contains("input 'policy' is not a usable policy", message);
    }

    [Fact]
    public async Task A_json_artifact_that_is_not_a_task_is_refused()
    {
        string message = await FailsAsync("prompts", new() { ["task"] = pipeline.Out("eval", "report"), ["count"] = 3 });
        Assert.Contains("input 'task' is not a task definition", message);
    }

    [Fact]
    public async Task A_budget_above_the_prompts_is_refused()
    {
        string message = await FailsAsync("corpus-select", new() { ["candidates"] = pipeline.Out("instance-select", "candidates"), ["budget"] = MiniPipeline.IterationPrompts + 1 });
        Assert.Contains("input 'budget'", message);
        Assert.Contains($"{MiniPipeline.IterationPrompts} prompts", message);
    }

    [Fact]
    public async Task Unscored_responses_are_refused_for_margin_strategies()
    {
        string message = await FailsAsync("instance-select", new() { ["scores"] = pipeline.Out("sample", "responses"), ["strategy"] = "smallest" });
        Assert.Contains("input 'scores'", message);
        Assert.Contains("score it first", message);
    }

    [Fact]
    public async Task Unlabelled_pairs_are_refused_for_training()
    {
        string message = await FailsAsync("train", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["reference"] = pipeline.Out("pretrain", "policy"), ["pairs"] = pipeline.Out("corpus-select", "pairs") });
        Assert.Contains("input 'pairs'", message);
        Assert.Contains("'labelled-pairs'", message);
    }

    [Fact]
    public async Task A_single_response_per_prompt_cannot_be_paired()
    {
        var one = await pipeline.Harness.RunAsync("sample", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["prompts"] = pipeline.Out("prompts", "prompts"), ["responsesPerPrompt"] = 1 });
        string message = await FailsAsync("instance-select", new() { ["scores"] = one["responses"]!.DeepClone(), ["strategy"] = "random" });
        Assert.Contains("input 'scores' has 1 response per prompt", message);
    }

    [Theory]
    [InlineData("maxDigits", 2, "input 'maxDigits'")]
    [InlineData("maxResponseTokens", 5, "input 'maxResponseTokens'")]
    [InlineData("kinds", "copy,shuffle", "input 'kinds'")]
    [InlineData("kinds", "", "input 'kinds'")]
    public async Task Inconsistent_task_inputs_name_the_input(string input, object value, string expected)
    {
        JsonNode node = value is int number ? JsonValue.Create(number) : JsonValue.Create((string)value);
        string message = await FailsAsync("task", new() { [input] = node, ["minDigits"] = 3 });
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task A_policy_of_another_task_shape_is_refused()
    {
        var wide = await pipeline.Harness.RunAsync("task", new() { ["maxDigits"] = 20, ["maxResponseTokens"] = 24 });
        var prompts = await pipeline.Harness.RunAsync("prompts", new() { ["task"] = wide["task"]!.DeepClone(), ["count"] = 40 });
        string message = await FailsAsync("sample", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["prompts"] = prompts["prompts"]!.DeepClone() });
        Assert.Contains("input 'policy'", message);
        Assert.Contains("was not made for this task", message);
    }
}
