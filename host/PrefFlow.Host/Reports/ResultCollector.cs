using PrefFlow.Host.Sweeps;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Reports;

/// <summary>Reads the metrics of a sweep's runs from the state store into tidy rows.</summary>
internal sealed class ResultCollector(IStateStore state, RunSummaryReader summaries)
{
    public async Task<SweepResults> CollectAsync(SweepSpec spec, IReadOnlyList<SweepMember> members, CancellationToken cancellationToken)
    {
        var rows = new List<ResultRow>();
        var missing = new List<(SweepMember, string)>();
        var read = new Dictionary<string, RunSummary?>(StringComparer.Ordinal);
        foreach (SweepMember run in members)
        {
            if (!read.TryGetValue(run.RunId, out RunSummary? summary))
            {
                bool exists = await state.GetRunAsync(run.RunId, cancellationToken).ConfigureAwait(false) is not null;
                read[run.RunId] = summary = exists ? await summaries.ReadAsync(run.RunId, cancellationToken).ConfigureAwait(false) : null;
            }
            if (summary?.Status != RunStatus.Succeeded)
            {
                missing.Add((run, summary is null ? "not started" : summary.Status.ToString().ToLowerInvariant()));
                continue;
            }
            rows.AddRange(RowsOf(run.Cell, summary));
        }
        return new SweepResults(spec, rows, missing);
    }

    /// <summary>The rows of one run.</summary>
    public static IEnumerable<ResultRow> RowsOf(SweepCell cell, RunSummary summary) =>
        from iteration in summary.Iterations
        from metric in iteration.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
        where double.IsFinite(metric.Value)
        select new ResultRow(cell, summary.Run.Seed, summary.Run.Id, iteration.Index is { } index ? index + 1 : 0, iteration.Budget, metric.Key, metric.Value);
}
