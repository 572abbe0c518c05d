using PrefFlow.Activities;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Hosting;

/// <summary>Everything a CLI verb needs: the stores, the activities and the engine over them.</summary>
internal sealed class EngineHost
{
    private EngineHost(string dataFolder, IStateStore state, IArtifactStore artifacts, ActivityRegistry activities, WorkflowEngine engine)
    {
        DataFolder = dataFolder;
        State = state;
        Artifacts = artifacts;
        Activities = activities;
        Engine = engine;
        Summaries = new RunSummaryReader(state, activities);
    }

    public string DataFolder { get; }

    public IStateStore State { get; }

    public IArtifactStore Artifacts { get; }

    public ActivityRegistry Activities { get; }

    public WorkflowEngine Engine { get; }

    public RunSummaryReader Summaries { get; }

    /// <summary>Opens the stores (creating the data folder and applying migrations as needed).</summary>
    public static async Task<EngineHost> OpenAsync(string? dataFolderOption, EngineOptions? options, LearningEnvironment? learning, CancellationToken cancellationToken)
    {
        string folder = Hosting.DataFolder.Resolve(dataFolderOption);
        Directory.CreateDirectory(folder);
        IStateStore state = await StateStoreFactory.OpenAsync(StoreSettings.State(folder), cancellationToken).ConfigureAwait(false);
        IArtifactStore artifacts = await ArtifactStoreFactory.CreateAsync(StoreSettings.Artifacts(folder), cancellationToken).ConfigureAwait(false);
        ActivityRegistry activities = Registry(learning);
        return new EngineHost(folder, state, artifacts, activities, new WorkflowEngine(state, artifacts, activities, options));
    }

    /// <summary>The built-in activities; torch is not touched until one executes.</summary>
    public static ActivityRegistry Registry(LearningEnvironment? learning) =>
        new BuiltInActivities(learning ?? new LearningEnvironment()).Registry;
}
