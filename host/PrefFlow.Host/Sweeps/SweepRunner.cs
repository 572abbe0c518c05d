using System.Diagnostics;
using System.Globalization;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Sweeps;

/// <summary>
/// Executes a sweep's runs, a given number at once, through one Quartz dispatcher: a run that succeeded before is
/// skipped, one that failed or was interrupted is resumed, a missing one is created. One run's failure does not stop
/// the others. Cancelling interrupts the runs in flight, which the next invocation resumes.
/// </summary>
internal sealed class SweepRunner(EngineHost host, SchedulerSettings scheduling, TextWriter output)
{
    /// <summary>Each distinct run's outcome, in plan order.</summary>
    public async Task<IReadOnlyList<RunOutcome>> RunAsync(IReadOnlyList<PlannedRun> plan, int parallel, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        List<PlannedRun> runs = [.. plan.DistinctBy(run => run.Member.RunId, StringComparer.Ordinal)];
        var outcomes = new RunOutcome[runs.Count];
        int next = -1, finished = 0;
        await using RunDispatcher dispatcher = await RunDispatcher.StartAsync(scheduling, host.Engine, cancellationToken).ConfigureAwait(false);
        async Task WorkAsync()
        {
            for (int index = Interlocked.Increment(ref next); index < runs.Count; index = Interlocked.Increment(ref next))
            {
                var clock = Stopwatch.StartNew();
                (outcomes[index], string how) = await RunOneAsync(dispatcher, runs[index], cancellationToken).ConfigureAwait(false);
                int done = Interlocked.Increment(ref finished);
                Report(done, runs.Count, runs[index], outcomes[index], how, clock.Elapsed);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, Math.Max(runs.Count, 1))).Select(_ => Task.Run(WorkAsync, CancellationToken.None))).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<(RunOutcome Outcome, string How)> RunOneAsync(RunDispatcher dispatcher, PlannedRun run, CancellationToken cancellationToken)
    {
        RunRecord? existing = await host.State.GetRunAsync(run.Member.RunId, cancellationToken).ConfigureAwait(false);
        if (existing?.Status == RunStatus.Succeeded) return (new RunOutcome(run.Member.RunId, RunStatus.Succeeded, null), "done before");
        if (existing is null)
        {
            await host.Engine.CreateRunAsync(new RunRequest(run.DefinitionJson, run.Parameters, run.Member.Seed, run.Member.RunId), cancellationToken).ConfigureAwait(false);
        }
        try
        {
            RunOutcome outcome = await dispatcher.ExecuteAsync(run.Member.RunId, null, cancellationToken).ConfigureAwait(false);
            return (outcome, existing is null ? "ran" : "resumed");
        }
        catch (InvalidRunRequestException refused)
        {
            // E.g. another process holds the run: the sweep goes on and says so.
            return (new RunOutcome(run.Member.RunId, RunStatus.Failed, string.Join(" ", refused.Errors)), "refused");
        }
    }

    private void Report(int done, int total, PlannedRun run, RunOutcome outcome, string how, TimeSpan elapsed)
    {
        string status = outcome.Status == RunStatus.Succeeded ? "succeeded" : outcome.Status.ToString().ToLowerInvariant();
        string seconds = elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        string error = outcome.Error is { } message ? $": {message}" : "";
        lock (output)
        {
            output.WriteLine($"[{done}/{total}] {run.Member.Cell.Label} seed {run.Member.Seed}: {status} ({how}, {seconds} s) run {run.Member.RunId}{error}");
            output.Flush();
        }
    }
}
