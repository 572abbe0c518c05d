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
        Registry = new ActivityRegistry(All);
    }

    /// <summary>Where the learning activities compute.</summary>
    public LearningEnvironment Environment { get; }

    /// <summary>Every activity, in pipeline order.</summary>
    public IReadOnlyList<IActivity> All { get; }

    /// <summary>The activities by name, for the engine; also their catalogue for the definition validator.</summary>
    public ActivityRegistry Registry { get; }

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
}
