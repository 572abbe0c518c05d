using PrefFlow.Storage.State;
using PrefFlow.Workflows.Definitions;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Runs one flowchart (the top level or one iteration of a loop body): a node starts as soon as every node with an
/// edge into it has completed, so independent branches run side by side. After a failure no new node starts; the
/// nodes already running finish (their outputs are committed and reused by a resume), then the failure is raised.
/// </summary>
internal sealed class FlowchartExecutor(RunExecution run)
{
    public async Task ExecuteAsync(IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<EdgeDefinition> edges, RuntimeScope scope, CancellationToken cancellationToken)
    {
        var waitingOn = nodes.ToDictionary(node => node.Id, _ => 0, StringComparer.Ordinal);
        var successors = nodes.ToDictionary(node => node.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (EdgeDefinition edge in edges.Distinct())
        {
            waitingOn[edge.To]++;
            successors[edge.From].Add(edge.To);
        }
        var byId = nodes.ToDictionary(node => node.Id, StringComparer.Ordinal);
        var running = new Dictionary<Task, string>();
        Exception? failure = null;
        // Definition order among ready nodes keeps runs reproducible to read.
        var ready = new Queue<string>(nodes.Where(node => waitingOn[node.Id] == 0).Select(node => node.Id));
        while (ready.Count > 0 || running.Count > 0)
        {
            while (failure is null && ready.Count > 0)
            {
                string id = ready.Dequeue();
                running.Add(ExecuteNodeAsync(byId[id], scope, cancellationToken), id);
            }
            if (running.Count == 0) break;
            Task done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            string finished = running[done];
            running.Remove(done);
            if (done.Exception?.InnerException is { } error)
            {
                // A lost lease is reported over everything (the run is no longer ours), a cancellation over a node
                // failure: it is why the others stopped.
                if (failure is not LeaseLostException && (failure is null || error is OperationCanceledException or LeaseLostException)) failure = error;
                continue;
            }
            if (done.IsCanceled)
            {
                failure = new OperationCanceledException(cancellationToken);
                continue;
            }
            foreach (string next in successors[finished])
            {
                if (--waitingOn[next] == 0) ready.Enqueue(next);
            }
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private async Task ExecuteNodeAsync(NodeDefinition node, RuntimeScope scope, CancellationToken cancellationToken)
    {
        // Leave the scheduling loop at once; the node's work runs on the thread pool.
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        JsonObject outputs = node.Loop is { } loop
            ? await new LoopExecutor(run).ExecuteAsync(node.Id, loop, scope, cancellationToken).ConfigureAwait(false)
            : await new ActivityNodeExecutor(run).ExecuteAsync(node, scope, cancellationToken).ConfigureAwait(false);
        scope.SetOutputs(node.Id, outputs);
    }
}
