using System.Diagnostics.CodeAnalysis;
using PrefFlow.Activities.Evaluation;
using PrefFlow.Activities.Labelling;
using PrefFlow.Activities.Sampling;
using PrefFlow.Activities.Scoring;
using PrefFlow.Activities.Selection;
using PrefFlow.Activities.Setup;
using PrefFlow.Activities.Training;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities;

/// <summary>
/// The built-in activities of iterative preference learning, in pipeline order: task, pretrain, prompts, sample,
/// score, instance-select, corpus-select, oracle, train, eval. The learning ones compute in the given environment.
/// </summary>
public sealed class BuiltInActivities
{
    private readonly Dictionary<string, IActivity> _byName;

    /// <summary>The activities, computing in <paramref name="environment"/>.</summary>
    public BuiltInActivities(LearningEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        All =
        [
            new TaskActivity(),
            new PretrainActivity(environment),
            new PromptsActivity(),
            new SampleActivity(environment),
            new ScoreActivity(environment),
            new InstanceSelectActivity(),
            new CorpusSelectActivity(),
            new OracleActivity(),
            new TrainActivity(environment),
            new EvalActivity(environment),
        ];
        _byName = All.ToDictionary(a => a.Descriptor.Name, StringComparer.Ordinal);
        Catalog = new ActivityCatalog(All.Select(a => a.Descriptor));
    }

    /// <summary>Where the learning activities compute.</summary>
    public LearningEnvironment Environment { get; }

    /// <summary>Every activity, in pipeline order.</summary>
    public IReadOnlyList<IActivity> All { get; }

    /// <summary>The activities' descriptors, for the definition validator and the designer.</summary>
    public IActivityCatalog Catalog { get; }

    /// <summary>The descriptors alone, without creating activities or touching torch (for validators and listings).</summary>
    public static IActivityCatalog Descriptors { get; } = new ActivityCatalog(
    [
        TaskActivity.Definition,
        PretrainActivity.Definition,
        PromptsActivity.Definition,
        SampleActivity.Definition,
        ScoreActivity.Definition,
        InstanceSelectActivity.Definition,
        CorpusSelectActivity.Definition,
        OracleActivity.Definition,
        TrainActivity.Definition,
        EvalActivity.Definition,
    ]);

    /// <summary>Finds the activity named <paramref name="name"/> (case-sensitive).</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out IActivity activity) => _byName.TryGetValue(name, out activity);
}
