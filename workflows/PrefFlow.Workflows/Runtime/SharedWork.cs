using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Does a node's work at most once across runs (<see cref="EngineOptions.ReuseWorkAcrossRuns"/>): reuses the outputs
/// another run committed for the same input hash when their blobs still verify, waits while another run of this
/// engine is doing the same work, and otherwise does the work itself.
/// </summary>
internal sealed class SharedWork(RunExecution run)
{
    public async Task<JsonObject> ExecuteAsync(
        string path, ActivityDescriptor descriptor, string inputHash, JsonObject inputs, Func<Task<JsonObject>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!run.InFlight.TryClaim(inputHash, out Task finished))
            {
                // Whether that run committed or failed, look again: reuse its commit, or claim the work and do it.
                await finished.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            try
            {
                return await TryReuseAsync(path, descriptor, inputHash, inputs, cancellationToken).ConfigureAwait(false)
                    ?? await compute().ConfigureAwait(false);
            }
            finally
            {
                run.InFlight.Release(inputHash);
            }
        }
    }

    // Records the reused work as a succeeded attempt of this run, so that status, summaries and resume see the node done.
    private async Task<JsonObject?> TryReuseAsync(string path, ActivityDescriptor descriptor, string inputHash, JsonObject inputs, CancellationToken cancellationToken)
    {
        NodeExecutionRecord? source = await run.State.FindCommittedWorkAsync(inputHash, cancellationToken).ConfigureAwait(false);
        if (source is null) return null;
        JsonObject? outputs = await CommittedOutputs.VerifyAsync(run, path, descriptor, source, cancellationToken).ConfigureAwait(false);
        if (outputs is null) return null;
        DateTimeOffset now = run.Time.GetUtcNow();
        NodeExecutionRecord record = await run.State.StartNodeAsync(new NodeExecutionRecord(
            0, run.RunId, path, descriptor.Name, run.NextAttempt(path), NodeStatus.Running, inputHash, CanonicalJson.Write(inputs),
            now, Owner: run.Owner), null, cancellationToken).ConfigureAwait(false);
        var data = new JsonObject { ["sourceRun"] = source.RunId, ["sourceNode"] = source.NodePath, ["outputs"] = outputs.DeepClone() };
        JournalEntry reused = run.Journal.Entry("node.reused", path,
            $"reused the outputs run '{source.RunId}' committed for node '{source.NodePath}' with the same inputs and seed", data);
        await run.State.CompleteNodeAsync(record.Id, source.OutputsJson!, now, reused, CancellationToken.None).ConfigureAwait(false);
        run.Journal.Notify(reused);
        return outputs;
    }
}
