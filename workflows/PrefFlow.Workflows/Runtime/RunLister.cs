using PrefFlow.Storage.State;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Lists runs filtered by the status they read as (<see cref="RunOwner.EffectiveStatus"/>), not as stored: a run
/// stored Running whose process is gone is found by "interrupted", not by "running", as the lists show it.
/// </summary>
public static class RunLister
{
    // The store's largest page.
    private const int Page = 1000;

    /// <summary>The runs matching <paramref name="query"/>, newest first, its status read as it stands at <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyList<RunRecord>> ListAsync(IStateStore state, RunQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(query);
        // Only a stored Running run can read otherwise (as Interrupted); every other filter is the store's own.
        if (query.Status is not (RunStatus.Running or RunStatus.Interrupted)) return await state.ListRunsAsync(query, cancellationToken).ConfigureAwait(false);

        int wanted = query.Skip + query.Take;
        var matching = (await ReadAsync(state, query with { Status = RunStatus.Running }, wanted, cancellationToken).ConfigureAwait(false))
            .Where(run => RunOwner.EffectiveStatus(run, now) == query.Status).ToList();
        if (query.Status == RunStatus.Interrupted)
        {
            matching.AddRange(await ReadAsync(state, query with { Status = RunStatus.Interrupted }, wanted, cancellationToken).ConfigureAwait(false));
        }
        // The store's order: newest first, then by id.
        return matching.OrderByDescending(run => run.CreatedAt).ThenByDescending(run => run.Id, StringComparer.Ordinal)
            .Skip(query.Skip).Take(query.Take).ToList();
    }

    // All stored runs of the query's status (Running runs are few: one per live or crashed execution), or its first
    // `wanted` ones when that is all a page can use.
    private static async Task<List<RunRecord>> ReadAsync(IStateStore state, RunQuery query, int wanted, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        bool all = query.Status == RunStatus.Running;
        while (true)
        {
            IReadOnlyList<RunRecord> page = await state.ListRunsAsync(query with { Skip = runs.Count, Take = Page }, cancellationToken).ConfigureAwait(false);
            runs.AddRange(page);
            if (page.Count < Page || (!all && runs.Count >= wanted)) return runs;
        }
    }
}
