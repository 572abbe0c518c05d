using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Workflows.Activities;

/// <summary>What the engine gives one execution of an activity.</summary>
public interface IActivityContext
{
    /// <summary>The run's id.</summary>
    string RunId { get; }

    /// <summary>The node's path in the run, e.g. <c>pretrain</c> or <c>iterations/2/train</c>.</summary>
    string NodePath { get; }

    /// <summary>The seed for every random choice of this node, derived from the run's seed and <see cref="NodePath"/>; the same on every attempt.</summary>
    ulong Seed { get; }

    /// <summary>1 for the first attempt of this node in this run, counting retries and resumes.</summary>
    int Attempt { get; }

    /// <summary>The evaluated inputs, defaults filled in and types checked against the descriptor.</summary>
    ActivityInputs Inputs { get; }

    /// <summary>Where artifacts are read and written; every output artifact must be stored here.</summary>
    IArtifactStore Artifacts { get; }

    /// <summary>The latest checkpoint this node saved for exactly these inputs (in an earlier, interrupted attempt), or null.</summary>
    Task<ActivityCheckpoint?> LoadCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Records a checkpoint (its blob already stored in <see cref="Artifacts"/>) so a later attempt can continue from it.</summary>
    Task SaveCheckpointAsync(ActivityCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Reports how far the activity is; cheap enough to call every step.</summary>
    void ReportProgress(ActivityProgress progress);

    /// <summary>Writes a line to the run's journal.</summary>
    void Log(string message);
}
