using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PrefFlow.Benchmarks;

/// <summary>
/// The engine's own cost per node: a definition of 1,000 no-op nodes in a chain (each reads its predecessor's
/// output, so nothing overlaps and every node's bookkeeping is on the critical path) on the embedded SQLite store.
/// Baseline, in the same run: the bare state-store writes any engine must make per node (start the attempt and commit it,
/// each with its journal entry) issued directly, with no interpreter.
/// </summary>
internal static class EngineBenchmark
{
    private const int Nodes = 1000;

    public static void Run(TextWriter output)
    {
        string folder = Path.Combine(Path.GetTempPath(), "prefflow-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            double engine = EngineSecondsAsync(Path.Combine(folder, "engine")).GetAwaiter().GetResult();
            double bare = BareStoreSecondsAsync(Path.Combine(folder, "bare")).GetAwaiter().GetResult();
            output.WriteLine($"engine: {Nodes} no-op nodes in a chain on SQLite");
            output.WriteLine($"  engine           {engine:0.00} s = {engine * 1000 / Nodes:0.00} ms/node (target < 5 ms/node)");
            output.WriteLine($"  bare store writes {bare:0.00} s = {bare * 1000 / Nodes:0.00} ms/node (baseline)");
            output.WriteLine($"  ratio engine/baseline {engine / bare:0.00}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> EngineSecondsAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        IStateStore state = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "state.db")}" });
        var engine = new WorkflowEngine(state, new LocalFolderArtifactStore(Path.Combine(folder, "artifacts")), new ActivityRegistry([new NoOpActivity()]));
        RunRecord run = await engine.CreateRunAsync(new RunRequest(ChainDefinition(), new Dictionary<string, string>(), 1));
        var clock = Stopwatch.StartNew();
        RunOutcome outcome = await engine.ExecuteAsync(run.Id);
        if (outcome.Status != RunStatus.Succeeded) throw new InvalidOperationException($"the benchmark run ended {outcome.Status}: {outcome.Error}");
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> BareStoreSecondsAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        IStateStore state = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "state.db")}" });
        const string json = "{}";
        string sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        await state.PublishDefinitionAsync(new DefinitionRecord("bare", 1, "bare", json, sha256, DateTimeOffset.UtcNow));
        await state.CreateRunAsync(new RunRecord("bare", "bare", 1, sha256, "{}", 1, RunStatus.Running, DateTimeOffset.UtcNow));
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Nodes; i++)
        {
            var started = new JournalEntry(0, "bare", DateTimeOffset.UtcNow, "node.started", $"n{i}", "started");
            NodeExecutionRecord attempt = await state.StartNodeAsync(
                new NodeExecutionRecord(0, "bare", $"n{i}", "noop", 1, NodeStatus.Running, new string('0', 64), "{}", DateTimeOffset.UtcNow), started);
            var committed = new JournalEntry(0, "bare", DateTimeOffset.UtcNow, "node.committed", $"n{i}", "committed");
            await state.CompleteNodeAsync(attempt.Id, """{"value":1}""", DateTimeOffset.UtcNow, committed);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static string ChainDefinition()
    {
        var nodes = new StringBuilder();
        var edges = new StringBuilder();
        for (int i = 0; i < Nodes; i++)
        {
            string input = i == 0 ? "1" : $"\"${{nodes.n{i - 1}.outputs.value}}\"";
            nodes.Append(i == 0 ? "" : ",").Append($$$"""{"id": "n{{{i}}}", "activity": "noop", "inputs": {"value": {{{input}}}}}""");
            if (i > 0) edges.Append(i == 1 ? "" : ",").Append($$"""{"from": "n{{i - 1}}", "to": "n{{i}}"}""");
        }
        return $$"""{"id": "noop-chain", "version": 1, "name": "no-op chain", "nodes": [{{nodes}}], "edges": [{{edges}}]}""";
    }
}
