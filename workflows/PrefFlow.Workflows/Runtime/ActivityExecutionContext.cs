using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>The engine's side of one attempt of one activity node.</summary>
internal sealed class ActivityExecutionContext(
    RunExecution run,
    string nodePath,
    ulong seed,
    int attempt,
    string inputHash,
    ActivityInputs inputs) : IActivityContext
{
    private long _lastProgressJournal = long.MinValue;

    public string RunId => run.RunId;

    public string NodePath => nodePath;

    public ulong Seed => seed;

    public int Attempt => attempt;

    public ActivityInputs Inputs => inputs;

    public IArtifactStore Artifacts => run.Artifacts;

    public async Task<ActivityCheckpoint?> LoadCheckpointAsync(CancellationToken cancellationToken)
    {
        NodeCheckpointRecord? record = await run.State.GetCheckpointAsync(RunId, nodePath, inputHash, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        if (!ArtifactValue.TryParse(JsonNode.Parse(record.ArtifactJson), out ArtifactRef artifact, out string? error))
        {
            await run.Journal.WriteAsync("checkpoint.invalid", nodePath, $"ignoring the saved checkpoint: {error}").ConfigureAwait(false);
            return null;
        }
        try
        {
            await run.Artifacts.VerifyAsync(artifact, cancellationToken).ConfigureAwait(false);
        }
        catch (ArtifactCorruptedException corrupt)
        {
            await run.Journal.WriteAsync("checkpoint.corrupt", nodePath, $"ignoring the saved checkpoint, starting over: {corrupt.Message}").ConfigureAwait(false);
            return null;
        }
        var state = JsonNode.Parse(record.StateJson) as JsonObject ?? [];
        await run.Journal.WriteAsync("checkpoint.loaded", nodePath, $"continuing from the checkpoint saved at {record.SavedAt:u} ({CanonicalJson.Write(state)})").ConfigureAwait(false);
        return new ActivityCheckpoint(artifact, state);
    }

    public async Task SaveCheckpointAsync(ActivityCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        // Only a checkpoint whose blob is intact may be recorded: a later attempt trusts it.
        await run.Artifacts.VerifyAsync(checkpoint.Artifact, cancellationToken).ConfigureAwait(false);
        string state = CanonicalJson.Write(checkpoint.State);
        await run.State.SaveCheckpointAsync(
            new NodeCheckpointRecord(RunId, nodePath, inputHash, CanonicalJson.Write(ArtifactValue.ToJson(checkpoint.Artifact)), state, run.Time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        await run.Journal.WriteAsync("node.checkpoint", nodePath, $"checkpoint saved ({state})", ArtifactValue.ToJson(checkpoint.Artifact)).ConfigureAwait(false);
    }

    public void ReportProgress(ActivityProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        run.Journal.Progress(nodePath, progress);
        long now = run.Time.GetTimestamp();
        long last = Interlocked.Read(ref _lastProgressJournal);
        bool due = last == long.MinValue || run.Time.GetElapsedTime(last, now) >= run.Options.ProgressJournalInterval || progress.Done >= progress.Total && progress.Total > 0;
        if (!due || Interlocked.CompareExchange(ref _lastProgressJournal, now, last) != last) return;
        string total = progress.Total > 0 ? "/" + progress.Total.ToString(CultureInfo.InvariantCulture) : "";
        string detail = progress.Detail is null ? "" : " " + progress.Detail;
        run.Journal.Post("node.progress", nodePath, $"{progress.Stage} {progress.Done.ToString(CultureInfo.InvariantCulture)}{total}{detail}");
    }

    public void Log(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        run.Journal.Post("log", nodePath, message);
    }
}
