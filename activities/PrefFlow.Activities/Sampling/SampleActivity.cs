using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Sampling;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Sampling;

/// <summary>
/// <c>sample</c>: draws N responses per prompt from a policy (paper: N = 8, temperature 1, top-k 50).
/// Response j of prompt p is drawn from a generator seeded by (node seed, p, j).
/// </summary>
public sealed class SampleActivity(LearningEnvironment environment) : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "sample",
        "learning",
        "Samples N responses per prompt from a policy.",
        [
            Input.Artifact("policy", "The policy to sample from."),
            Input.Artifact("prompts", "The prompts (a 'prompts' dataset)."),
            Input.Integer("responsesPerPrompt", 8, "Responses per prompt (N); selection needs at least 2.", minimum: 1, maximum: 1024),
            Input.Number("temperature", 1.0, "Softmax temperature.", minimum: 0, maximum: 100, exclusiveMinimum: true),
            Input.Integer("topK", 50, "Only the K most likely tokens can be drawn; 0 keeps all.", minimum: 0),
            Input.Integer("maxNewTokens", 0, "Most tokens per response, EOS included; 0 takes the task's maxResponseTokens.", minimum: 0, maximum: 4096),
        ],
        [
            Output.Artifact("responses", "The responses (Parquet: prompt, kind, digits, response, tokens, length)."),
            Output.Integer("tokens", "Tokens generated in all."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prompts = await ArtifactIO.ReadDatasetAsync(context, "prompts", "a prompts dataset", PromptsDataset.ReadAsync, cancellationToken).ConfigureAwait(false);
        int maxNewTokens = context.Inputs.GetInt32("maxNewTokens");
        var options = new SamplingOptions
        {
            ResponsesPerPrompt = context.Inputs.GetInt32("responsesPerPrompt"),
            Temperature = context.Inputs.GetDouble("temperature"),
            TopK = context.Inputs.GetInt32("topK"),
            MaxNewTokens = maxNewTokens == 0 ? prompts.MaxResponseTokens : maxNewTokens,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ActivityException($"the sampling inputs are not valid: {e.Message}", e);
        }

        using var scratch = new ScratchFolder();
        using var policy = await PolicyArtifact.LoadAsync(context, "policy", environment.TorchDevice, scratch, cancellationToken).ConfigureAwait(false);
        var tokens = prompts.Prompts.Select(p => p.Tokens()).ToList();
        PolicyArtifact.CheckFits(policy, "policy", tokens.Max(t => t.Length), options.MaxNewTokens);
        var progress = Execution.Batches(context, "sampling", (long)tokens.Count * options.ResponsesPerPrompt, cancellationToken);
        var sampled = await Execution.ComputeAsync(
            () => new Sampler(policy).Sample(tokens, options, Seeds.Derive(context.Seed, "sample"), progress: progress), cancellationToken).ConfigureAwait(false);

        var dataset = new ResponsesDataset(prompts.Prompts, [.. sampled.Select(r => r.Select(s => s.Tokens).ToArray())]);
        byte[] bytes = await dataset.WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["responses"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["tokens"] = Execution.Integer(dataset.Flat().Sum(t => (long)t.Length)),
        };
    }
}
