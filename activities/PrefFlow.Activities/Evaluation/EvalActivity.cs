using System.Text.Json;
using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Evaluation;

/// <summary>
/// <c>eval</c>: the policy's greedy answers on the first held-out prompts of the task's evaluation split against
/// the reference system's answers, judged by the gold reward model and by the unbiased second judge, with answer
/// length, exact match and a sampled estimate of KL(pi || pi_ref).
/// </summary>
public sealed class EvalActivity(LearningEnvironment environment) : IActivity
{
    private static readonly EvaluationOptions Defaults = new();

    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "eval",
        "evaluation",
        "Evaluates a policy on held-out prompts: win rates against the reference system (gold RM and second judge), KL to pi_ref, length and exact match.",
        [
            Input.Artifact("policy", "The policy to evaluate."),
            Input.Artifact("reference", "The reference policy (pi_ref) for the KL estimate."),
            Input.Artifact("task", "The task definition: held-out prompts, judges and reference system."),
            Input.Integer("prompts", 500, "Held-out prompts evaluated (the first ones of the eval split).", minimum: 1, maximum: 1_000_000),
            Input.Integer("klPrompts", Defaults.KlPrompts, "Prompts (the first of those evaluated) used to estimate KL(pi || pi_ref).", minimum: 1, maximum: 1_000_000),
            Input.Integer("klSamples", Defaults.KlSamplesPerPrompt, "Temperature-1 samples per prompt for the KL estimate.", minimum: 1, maximum: 1024),
        ],
        [
            Output.Metric("goldWinRate", "Win rate against the reference system's answers, judged by the gold RM (ties count 1/2)."),
            Output.Metric("judgeWinRate", "Win rate against the reference system's answers, judged by the unbiased second judge."),
            Output.Metric("kl", "Estimated KL(pi || pi_ref) per response."),
            Output.Metric("meanLength", "Mean greedy answer length in tokens, EOS excluded."),
            Output.Metric("exactMatch", "Share of greedy answers that are exactly right."),
            Output.Artifact("report", "The full evaluation report (JSON)."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = await TaskArtifact.ReadAsync(context, "task", cancellationToken).ConfigureAwait(false);
        var options = new EvaluationOptions
        {
            MaxNewTokens = definition.Task.MaxResponseTokens,
            KlPrompts = context.Inputs.GetInt32("klPrompts"),
            KlSamplesPerPrompt = context.Inputs.GetInt32("klSamples"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ActivityException($"the evaluation inputs are not valid: {e.Message}", e);
        }
        int count = context.Inputs.GetInt32("prompts");
        if (count < 1) throw new ActivityException($"input 'prompts' is {count}; at least 1 prompt is needed.");
        var prompts = definition.CreateTask().Prompts(TaskSplit.Evaluation, count);
        var evaluator = new Evaluator(definition.CreateGoldRewardModel(), new SecondJudge(), definition.CreateReferenceSystem(), options);

        using var scratch = new ScratchFolder();
        using var policy = await PolicyArtifact.LoadAsync(context, "policy", environment.TorchDevice, scratch, cancellationToken).ConfigureAwait(false);
        using var reference = await PolicyArtifact.LoadAsync(context, "reference", environment.TorchDevice, scratch, cancellationToken).ConfigureAwait(false);
        int longestPrompt = definition.Task.MaxPromptTokens;
        PolicyArtifact.CheckFits(policy, "policy", longestPrompt, options.MaxNewTokens);
        PolicyArtifact.CheckFits(reference, "reference", longestPrompt, options.MaxNewTokens);
        context.ReportProgress(new ActivityProgress("evaluating", 0, count));
        var report = await Execution.ComputeAsync(
            () => evaluator.Evaluate(policy, reference, prompts, Seeds.Derive(context.Seed, "evaluate")), cancellationToken).ConfigureAwait(false);
        context.ReportProgress(new ActivityProgress("evaluating", count, count));

        return new Dictionary<string, JsonNode?>
        {
            ["goldWinRate"] = Execution.Number(report.GoldWinRate),
            ["judgeWinRate"] = Execution.Number(report.JudgeWinRate),
            ["kl"] = Execution.Number(report.KlToReference),
            ["meanLength"] = Execution.Number(report.MeanLength),
            ["exactMatch"] = Execution.Number(report.ExactMatch),
            ["report"] = await ArtifactIO.WriteAsync(context, ReportJson(report), MediaTypes.Json, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The report as indented JSON with camel-case names; numbers that are not finite are null.</summary>
    private static byte[] ReportJson(EvaluationReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            void Number(string name, double value)
            {
                if (double.IsFinite(value)) writer.WriteNumber(name, value);
                else writer.WriteNull(name);
            }
            writer.WriteStartObject();
            writer.WriteNumber("prompts", report.Prompts);
            Number("goldWinRate", report.GoldWinRate);
            Number("judgeWinRate", report.JudgeWinRate);
            Number("meanGoldReward", report.MeanGoldReward);
            Number("meanJudgeScore", report.MeanJudgeScore);
            Number("exactMatch", report.ExactMatch);
            Number("meanLength", report.MeanLength);
            Number("klToReference", report.KlToReference);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
