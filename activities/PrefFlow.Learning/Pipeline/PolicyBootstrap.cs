using PrefFlow.Learning.Model;
using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;
using TorchSharp;

namespace PrefFlow.Learning.Pipeline;

/// <summary>
/// Builds the two starting models of every experiment: pi_ref by SFT, and pi^0 by offline DPO of a
/// copy of pi_ref (without that step pi^0 == pi_ref and every implicit reward of iteration 1 is 0).
/// </summary>
public sealed class PolicyBootstrap
{
    private readonly BootstrapOptions _options;
    private readonly GoldRewardModel _gold;

    /// <summary>A bootstrap with the given settings and gold reward model (the offline set's annotator).</summary>
    public PolicyBootstrap(BootstrapOptions options, GoldRewardModel gold)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gold);
        options.Sft.Validate();
        options.OfflineTraining.Validate();
        (_options, _gold) = (options, gold);
    }

    /// <summary>Trains pi_ref from scratch by SFT.</summary>
    public TransformerPolicy TrainReference(SyntheticTask task, ulong seed, torch.Device device, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var policy = new TransformerPolicy(PolicyPresets.Get(_options.Preset, task.Options), Seeds.Derive(seed, "init"), device);
        new SftTrainer(policy, _options.Sft).Train(task, Seeds.Derive(seed, "sft"), progress);
        return policy;
    }

    /// <summary>pi^0: a copy of <paramref name="reference"/> trained by DPO on the offline labelled set.</summary>
    public (TransformerPolicy Policy, DpoReport Report) TrainInitialPolicy(SyntheticTask task, TransformerPolicy reference, ulong seed, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reference);
        var prompts = task.Prompts(TaskSplit.Offline, _options.OfflinePrompts);
        var tokens = prompts.Select(p => p.Tokens()).ToList();
        var responses = new Sampler(reference).Sample(tokens, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = task.Options.MaxResponseTokens }, Seeds.Derive(seed, "offline/sample"));
        var oracle = new PreferenceOracle(_gold);
        ulong labelSeed = Seeds.Derive(seed, "offline/oracle");
        var pairs = new List<PreferencePair>();
        for (int p = 0; p < prompts.Length; p++)
        {
            var (a, b) = (responses[p][0].Tokens, responses[p][1].Tokens);
            if (oracle.Label(prompts[p], a, b, Seeds.Derive(labelSeed, p)) is PreferenceLabel label)
            {
                pairs.Add(label.FirstChosen ? new PreferencePair(tokens[p], a, b) : new PreferencePair(tokens[p], b, a));
            }
        }
        var policy = reference.Clone();
        var report = new DpoTrainer(policy, reference, _options.OfflineTraining).Train(pairs, Seeds.Derive(seed, "offline/train"), progress: progress);
        return (policy, report);
    }
}
