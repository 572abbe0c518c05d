using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Scoring;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Scoring;

/// <summary>
/// <c>score</c>: the implicit reward r(y) = log pi(y|x) - log pi_ref(y|x) of every response (paper equation 5),
/// optionally divided by the response length (equation 6). Both models are scored the same teacher-forced way,
/// so a policy equal to its reference gives rewards of exactly 0.
/// </summary>
public sealed class ScoreActivity(LearningEnvironment environment) : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "score",
        "learning",
        "Computes each response's implicit reward: log pi - log pi_ref, optionally length-normalised.",
        [
            Input.Artifact("policy", "The policy the responses were sampled from (pi^{i-1})."),
            Input.Artifact("reference", "The reference policy (pi_ref, the SFT model)."),
            Input.Artifact("responses", "The responses (a 'responses' dataset)."),
            Input.Flag("lengthNormalised", false, "Divide each reward by the response's length in tokens."),
        ],
        [Output.Artifact("scores", "The responses with policy_log_prob, reference_log_prob and reward (Parquet).")]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var responses = await ArtifactIO.ReadDatasetAsync(context, "responses", "a responses dataset", ResponsesDataset.ReadAsync, cancellationToken).ConfigureAwait(false);
        bool normalised = context.Inputs.GetBoolean("lengthNormalised");
        var items = new List<ScoredSequence>();
        for (int p = 0; p < responses.Prompts.Count; p++)
        {
            int[] prompt = responses.Prompts[p].Tokens();
            foreach (int[] response in responses.Responses[p]) items.Add(new ScoredSequence(prompt, response));
        }
        int[] lengths = [.. items.Select(i => i.Response.Length)];
        if (normalised && lengths.Any(l => l == 0))
        {
            throw new ActivityException("input 'responses' has an empty response, which cannot be length-normalised.");
        }
        int longest = items.Max(i => i.Prompt.Length + i.Response.Length);

        using var scratch = new ScratchFolder();
        bool samePolicy = context.Inputs.GetArtifact("policy").Sha256 == context.Inputs.GetArtifact("reference").Sha256;
        double[] policyLogProbs = await LogProbsAsync(context, "policy", items, longest, scratch, cancellationToken).ConfigureAwait(false);
        // The same weights give the same log-probabilities: scoring them twice would only cost time.
        double[] referenceLogProbs = samePolicy ? policyLogProbs : await LogProbsAsync(context, "reference", items, longest, scratch, cancellationToken).ConfigureAwait(false);
        double[] rewards = ImplicitReward.Compute(policyLogProbs, referenceLogProbs, lengths, normalised);

        byte[] bytes = await new ScoresDataset(responses, policyLogProbs, referenceLogProbs, rewards, normalised).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["scores"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<double[]> LogProbsAsync(IActivityContext context, string input, List<ScoredSequence> items, int longest, ScratchFolder scratch, CancellationToken cancellationToken)
    {
        using TransformerPolicy model = await PolicyArtifact.LoadAsync(context, input, environment.TorchDevice, scratch, cancellationToken).ConfigureAwait(false);
        if (model.Config.VocabularySize != PrefFlow.Learning.Tasks.Vocabulary.Size || model.Config.ContextLength < longest - 1)
        {
            throw new ActivityException($"input '{input}': the policy (vocabulary {model.Config.VocabularySize}, context {model.Config.ContextLength} tokens) " +
                $"cannot score these responses (up to {longest} tokens with their prompts).");
        }
        var progress = Execution.Batches(context, "scoring " + input, items.Count, cancellationToken);
        return await Execution.ComputeAsync(() => new SequenceScorer(model).LogProbs(items, progress), cancellationToken).ConfigureAwait(false);
    }
}
