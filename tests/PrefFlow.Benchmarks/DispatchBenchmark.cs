using PrefFlow.Host.Scheduling;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using System.Diagnostics;

namespace PrefFlow.Benchmarks;

/// <summary>
/// What dispatching a run through Quartz adds: N one-node no-op runs on the embedded SQLite stores, each
/// (a) executed by the engine directly (baseline), (b) dispatched as the CLI does it (start a scheduler over
/// DATA/scheduler.db, schedule the job, wait for it, delete it, shut down), and (c) dispatched through one scheduler
/// kept running, as a server would. The first run of each kind is timed apart: it pays for loading and JIT.
/// </summary>
internal static class DispatchBenchmark
{
    private const int Runs = 20;
    private const string Definition = """{"id": "noop-one", "version": 1, "name": "one no-op node", "nodes": [{"id": "n0", "activity": "noop", "inputs": {"value": 1}}], "edges": []}""";

    public static void Run(TextWriter output)
    {
        string folder = Path.Combine(Path.GetTempPath(), "prefflow-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            (WorkflowEngine engine, SchedulerSettings settings) = OpenAsync(folder).GetAwaiter().GetResult();
            double coldDirect = RunDirectAsync(engine, 1).GetAwaiter().GetResult();
            (double coldStart, double coldRun, double coldStop) = ColdAsync(engine, settings).GetAwaiter().GetResult();
            RunPerProcessAsync(engine, settings, 1).GetAwaiter().GetResult();
            double direct = RunDirectAsync(engine, Runs).GetAwaiter().GetResult();
            double perProcess = RunPerProcessAsync(engine, settings, Runs).GetAwaiter().GetResult();
            double shared = RunSharedAsync(engine, settings, Runs).GetAwaiter().GetResult();
            output.WriteLine($"dispatch: {Runs} one-node no-op runs on SQLite");
            output.WriteLine($"  first run in the process (cold: loading, JIT, schema created): engine {coldDirect * 1000:0} ms, then Quartz {(coldStart + coldRun + coldStop) * 1000:0} ms" +
                             $" (scheduler start {coldStart * 1000:0} ms, run {coldRun * 1000:0} ms, shutdown {coldStop * 1000:0} ms)");
            output.WriteLine($"  engine directly                   {direct * 1000 / Runs:0.0} ms/run (baseline)");
            output.WriteLine($"  Quartz, a scheduler per run (CLI) {perProcess * 1000 / Runs:0.0} ms/run, {(perProcess - direct) * 1000 / Runs:+0.0;-0.0} ms, ratio {perProcess / direct:0.00}");
            output.WriteLine($"  Quartz, one running scheduler     {shared * 1000 / Runs:0.0} ms/run, {(shared - direct) * 1000 / Runs:+0.0;-0.0} ms, ratio {shared / direct:0.00}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(WorkflowEngine, SchedulerSettings)> OpenAsync(string folder)
    {
        IStateStore state = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "state.db")}" });
        var engine = new WorkflowEngine(state, new LocalFolderArtifactStore(Path.Combine(folder, "artifacts")), new ActivityRegistry([new NoOpActivity()]));
        var settings = new SchedulerSettings { Store = SchedulerStore.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "scheduler.db")}" };
        return (engine, settings);
    }

    private static async Task<double> RunDirectAsync(WorkflowEngine engine, int runs)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) Check(await engine.ExecuteAsync(await CreateAsync(engine)));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RunPerProcessAsync(WorkflowEngine engine, SchedulerSettings settings, int runs)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
        {
            string runId = await CreateAsync(engine);
            await using RunDispatcher dispatcher = await RunDispatcher.StartAsync(settings, engine, CancellationToken.None);
            Check(await dispatcher.ExecuteAsync(runId, null, CancellationToken.None));
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double Start, double Run, double Stop)> ColdAsync(WorkflowEngine engine, SchedulerSettings settings)
    {
        string runId = await CreateAsync(engine);
        var clock = Stopwatch.StartNew();
        RunDispatcher dispatcher = await RunDispatcher.StartAsync(settings, engine, CancellationToken.None);
        double start = clock.Elapsed.TotalSeconds;
        Check(await dispatcher.ExecuteAsync(runId, null, CancellationToken.None));
        double run = clock.Elapsed.TotalSeconds - start;
        await dispatcher.DisposeAsync();
        return (start, run, clock.Elapsed.TotalSeconds - start - run);
    }

    private static async Task<double> RunSharedAsync(WorkflowEngine engine, SchedulerSettings settings, int runs)
    {
        await using RunDispatcher dispatcher = await RunDispatcher.StartAsync(settings, engine, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) Check(await dispatcher.ExecuteAsync(await CreateAsync(engine), null, CancellationToken.None));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<string> CreateAsync(WorkflowEngine engine) =>
        (await engine.CreateRunAsync(new RunRequest(Definition, new Dictionary<string, string>(), 1))).Id;

    private static void Check(RunOutcome outcome)
    {
        if (outcome.Status != RunStatus.Succeeded) throw new InvalidOperationException($"a benchmark run ended {outcome.Status}: {outcome.Error}");
    }
}
