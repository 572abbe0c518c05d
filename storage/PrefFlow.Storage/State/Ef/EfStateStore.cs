using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PrefFlow.Storage.State.Ef.Rows;

namespace PrefFlow.Storage.State.Ef;

/// <summary>
/// The <see cref="IStateStore"/> on EF Core, the same code for SQLite and PostgreSQL. Every call uses its own
/// short-lived context, so the store is safe to share between threads. State changes that must not race (leases,
/// cancel requests, status changes, ending attempts) are single conditional UPDATE statements; inserts that may
/// race (a definition version, a run id, a checkpoint) rely on the table's key and recover from its violation.
/// </summary>
internal sealed partial class EfStateStore(Func<StateDbContext> createContext) : IStateStore
{
    private const int MostRunsPerPage = 1000;

    // Two savers of one node's checkpoint can both find no row and both insert: the loser then updates.
    private const int CheckpointSaveTries = 3;

    public async Task<DefinitionRecord> PublishDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ThrowIfInvalid(definition);
        await using (StateDbContext db = createContext())
        {
            DefinitionRow? published = await FindDefinitionAsync(db, definition.Id, definition.Version, cancellationToken).ConfigureAwait(false);
            if (published is not null) return SameOrConflict(published, definition);
            db.Definitions.Add(DefinitionRow.From(definition));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return definition;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another publisher stored the same (id, version) first: compare with theirs below.
            }
        }
        await using StateDbContext again = createContext();
        DefinitionRow winner = await FindDefinitionAsync(again, definition.Id, definition.Version, cancellationToken).ConfigureAwait(false)
                               ?? throw new InvalidOperationException($"the definition '{definition.Id}' version {definition.Version} vanished while it was published");
        return SameOrConflict(winner, definition);
    }

    public async Task<DefinitionRecord?> GetDefinitionAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using StateDbContext db = createContext();
        DefinitionRow? row = await FindDefinitionAsync(db, id, version, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        await using StateDbContext db = createContext();
        List<DefinitionRow> rows = await db.Definitions.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        // Sorted here, not in SQL: the databases' collations order ids differently; ordinal order is the same everywhere.
        return rows.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version).Select(d => d.ToRecord()).ToList();
    }

    public async Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!RunIdPattern().IsMatch(run.Id))
        {
            throw new ArgumentException(
                $"the run id '{run.Id}' is not valid: use 1 to 64 lower-case letters, digits and '-', starting with a letter or digit", nameof(run));
        }
        await using StateDbContext db = createContext();
        string? sha256 = await db.Definitions
            .Where(d => d.Id == run.DefinitionId && d.Version == run.DefinitionVersion)
            .Select(d => d.Sha256)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (sha256 is null)
        {
            throw new InvalidOperationException(
                $"the run '{run.Id}' runs the definition '{run.DefinitionId}' version {run.DefinitionVersion}, which is not published");
        }
        if (!string.Equals(sha256, run.DefinitionSha256, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"the run '{run.Id}' names the definition '{run.DefinitionId}' version {run.DefinitionVersion} with sha256 " +
                $"{run.DefinitionSha256}, but that version is published with sha256 {sha256}");
        }
        db.Runs.Add(RunRow.From(run));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            throw new InvalidOperationException($"a run with the id '{run.Id}' already exists", exception);
        }
    }

    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using StateDbContext db = createContext();
        RunRow? row = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, nameof(query));
        if (query.Take is < 1 or > MostRunsPerPage)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Take, $"Take must be 1 to {MostRunsPerPage}");
        }
        await using StateDbContext db = createContext();
        IQueryable<RunRow> runs = db.Runs.AsNoTracking();
        if (query.DefinitionId is not null) runs = runs.Where(r => r.DefinitionId == query.DefinitionId);
        if (query.Status is { } status) runs = runs.Where(r => r.Status == status);
        if (query.ScheduleId is not null) runs = runs.Where(r => r.ScheduleId == query.ScheduleId);
        List<RunRow> rows = await runs
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(query.Skip).Take(query.Take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<bool> DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using StateDbContext db = createContext();
        // Attempts, checkpoints and journal go with it (cascade).
        return await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task SetRunStatusAsync(string runId, RunStatus status, DateTimeOffset at, string? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        bool starts = status == RunStatus.Running;
        DateTimeOffset? finishedAt = status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled ? at : null;
        string? keptError = status is RunStatus.Failed or RunStatus.Interrupted ? error : null;
        await using StateDbContext db = createContext();
        int changed = await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(r => r.Status, status)
               .SetProperty(r => r.FinishedAt, finishedAt)
               .SetProperty(r => r.Error, keptError);
            if (starts)
            {
                set.SetProperty(r => r.StartedAt, r => r.StartedAt ?? (DateTimeOffset?)at)
                   .SetProperty(r => r.CancelRequested, false);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (changed == 0) throw RunNotFound(runId);
    }

    public async Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using StateDbContext db = createContext();
        int changed = await db.Runs
            .Where(r => r.Id == runId &&
                        r.Status != RunStatus.Succeeded && r.Status != RunStatus.Failed && r.Status != RunStatus.Cancelled)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CancelRequested, true), cancellationToken).ConfigureAwait(false);
        if (changed > 0) return true;
        await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return false;
    }

    public async Task<bool> TryAcquireLeaseAsync(string runId, string owner, DateTimeOffset now, TimeSpan duration, string? replaceOwner = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        DateTimeOffset? expiresAt = now + duration;
        await using StateDbContext db = createContext();
        // One UPDATE whose WHERE says who may take the lease: the database serialises writers of the row, so of
        // several callers the first one's write makes the condition false for the others.
        int changed = await db.Runs
            .Where(r => r.Id == runId &&
                        (r.LeaseOwner == null || r.LeaseExpiresAt == null || r.LeaseExpiresAt <= now ||
                         r.LeaseOwner == owner || (replaceOwner != null && r.LeaseOwner == replaceOwner)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.LeaseOwner, owner)
                .SetProperty(r => r.LeaseExpiresAt, expiresAt), cancellationToken).ConfigureAwait(false);
        if (changed > 0) return true;
        await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return false;
    }

    public async Task ReleaseLeaseAsync(string runId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(owner);
        await using StateDbContext db = createContext();
        int changed = await db.Runs
            .Where(r => r.Id == runId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
        if (changed == 0) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<NodeExecutionRecord> StartNodeAsync(NodeExecutionRecord execution, JournalEntry? journal = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        NodeExecutionRow row = NodeExecutionRow.Starting(execution);
        await using StateDbContext db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await HoldLeaseAsync(db, execution.RunId, execution.Owner, cancellationToken).ConfigureAwait(false);
        db.NodeExecutions.Add(row);
        if (journal is not null) db.Journal.Add(JournalRow.Appending(journal));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return execution with
        {
            Id = row.Id, Status = NodeStatus.Running, OutputsJson = null, FinishedAt = null, Error = null, ErrorKind = null,
        };
    }

    public async Task CompleteNodeAsync(long executionId, string outputsJson, DateTimeOffset at, JournalEntry? journal = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputsJson);
        await using StateDbContext db = createContext();
        var attempt = await db.NodeExecutions.AsNoTracking().Where(e => e.Id == executionId)
            .Select(e => new { e.RunId, e.Owner }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"no node execution has the id {executionId}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await HoldLeaseAsync(db, attempt.RunId, attempt.Owner, cancellationToken).ConfigureAwait(false);
        int changed = await db.NodeExecutions
            .Where(e => e.Id == executionId && e.Status == NodeStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, NodeStatus.Succeeded)
                .SetProperty(e => e.OutputsJson, outputsJson)
                .SetProperty(e => e.FinishedAt, (DateTimeOffset?)at)
                .SetProperty(e => e.Error, (string?)null)
                .SetProperty(e => e.ErrorKind, (ErrorKind?)null), cancellationToken).ConfigureAwait(false);
        if (changed == 0) throw await NotRunningAsync(db, executionId, "completed", cancellationToken).ConfigureAwait(false);
        if (journal is not null)
        {
            db.Journal.Add(JournalRow.Appending(journal));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task EndNodeAsync(long executionId, NodeStatus status, string error, ErrorKind? kind, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (status is not (NodeStatus.Failed or NodeStatus.Cancelled or NodeStatus.Interrupted))
        {
            throw new ArgumentException($"an attempt ends as Failed, Cancelled or Interrupted, not {status}", nameof(status));
        }
        ArgumentNullException.ThrowIfNull(error);
        ErrorKind? keptKind = status == NodeStatus.Failed ? kind : null;
        await using StateDbContext db = createContext();
        int changed = await db.NodeExecutions
            .Where(e => e.Id == executionId && e.Status == NodeStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.FinishedAt, (DateTimeOffset?)at)
                .SetProperty(e => e.Error, error)
                .SetProperty(e => e.ErrorKind, keptKind), cancellationToken).ConfigureAwait(false);
        if (changed == 0) throw await NotRunningAsync(db, executionId, "ended", cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> InterruptRunningNodesAsync(string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(reason);
        await using StateDbContext db = createContext();
        int changed = await db.NodeExecutions
            .Where(e => e.RunId == runId && e.Status == NodeStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, NodeStatus.Interrupted)
                .SetProperty(e => e.FinishedAt, (DateTimeOffset?)at)
                .SetProperty(e => e.Error, reason), cancellationToken).ConfigureAwait(false);
        if (changed == 0) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    public async Task<NodeExecutionRecord?> GetCommittedNodeAsync(string runId, string nodePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(nodePath);
        await using StateDbContext db = createContext();
        NodeExecutionRow? row = await db.NodeExecutions.AsNoTracking()
            .Where(e => e.RunId == runId && e.NodePath == nodePath && e.Status == NodeStatus.Succeeded)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<NodeExecutionRecord?> FindCommittedWorkAsync(string inputHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputHash);
        await using StateDbContext db = createContext();
        // A deleted run's attempts go with it (cascade), so only work of existing runs is found.
        NodeExecutionRow? row = await db.NodeExecutions.AsNoTracking()
            .Where(e => e.InputHash == inputHash && e.Status == NodeStatus.Succeeded)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<bool> IsArtifactReferencedAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using StateDbContext db = createContext();
        // A scan of the outputs' JSON text: deleting runs is rare, and a hash cannot occur in the JSON by accident.
        return await db.NodeExecutions.AnyAsync(e => e.Status == NodeStatus.Succeeded && e.OutputsJson!.Contains(sha256), cancellationToken).ConfigureAwait(false)
            || await db.NodeCheckpoints.AnyAsync(c => c.ArtifactJson.Contains(sha256), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<NodeExecutionRecord>> ListNodeExecutionsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using StateDbContext db = createContext();
        List<NodeExecutionRow> rows = await db.NodeExecutions.AsNoTracking()
            .Where(e => e.RunId == runId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return rows.Select(e => e.ToRecord()).ToList();
    }

    public async Task SaveCheckpointAsync(NodeCheckpointRecord checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        for (int tries = 1; ; tries++)
        {
            await using StateDbContext db = createContext();
            int replaced = await db.NodeCheckpoints
                .Where(c => c.RunId == checkpoint.RunId && c.NodePath == checkpoint.NodePath)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.InputHash, checkpoint.InputHash)
                    .SetProperty(c => c.ArtifactJson, checkpoint.ArtifactJson)
                    .SetProperty(c => c.StateJson, checkpoint.StateJson)
                    .SetProperty(c => c.SavedAt, checkpoint.SavedAt), cancellationToken).ConfigureAwait(false);
            if (replaced > 0) return;
            db.NodeCheckpoints.Add(NodeCheckpointRow.From(checkpoint));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception) && tries < CheckpointSaveTries)
            {
                // Another saver inserted this node's first checkpoint meanwhile: replace it on the next try.
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsForeignKeyViolation(exception))
            {
                throw RunNotFound(checkpoint.RunId, exception);
            }
        }
    }

    public async Task<NodeCheckpointRecord?> GetCheckpointAsync(string runId, string nodePath, string inputHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(nodePath);
        ArgumentNullException.ThrowIfNull(inputHash);
        await using StateDbContext db = createContext();
        NodeCheckpointRow? row = await db.NodeCheckpoints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.RunId == runId && c.NodePath == nodePath && c.InputHash == inputHash, cancellationToken)
            .ConfigureAwait(false);
        if (row is null) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<JournalEntry> AppendJournalAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        JournalRow row = JournalRow.Appending(entry);
        await using StateDbContext db = createContext();
        db.Journal.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsForeignKeyViolation(exception))
        {
            throw RunNotFound(entry.RunId, exception);
        }
        return entry with { Sequence = row.Sequence };
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using StateDbContext db = createContext();
        List<JournalRow> rows = await db.Journal.AsNoTracking()
            .Where(j => j.RunId == runId && j.Sequence > afterSequence)
            .OrderBy(j => j.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0) await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        return rows.Select(j => j.ToRecord()).ToList();
    }

    // ---- drafts ----

    public async Task SaveDraftAsync(DefinitionDraftRecord draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Id, nameof(draft));
        ArgumentNullException.ThrowIfNull(draft.Json, nameof(draft));
        await ReplaceOrInsertAsync(db => db.DefinitionDrafts, new DefinitionDraftRow { Id = draft.Id, Json = draft.Json, UpdatedAt = draft.UpdatedAt }, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<DefinitionDraftRecord?> GetDraftAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using StateDbContext db = createContext();
        DefinitionDraftRow? row = await db.DefinitionDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<DefinitionDraftRecord>> ListDraftsAsync(CancellationToken cancellationToken = default)
    {
        await using StateDbContext db = createContext();
        List<DefinitionDraftRow> rows = await db.DefinitionDrafts.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToRecord()).ToList();
    }

    public async Task<bool> DeleteDraftAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using StateDbContext db = createContext();
        return await db.DefinitionDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    // ---- layouts ----

    public async Task SaveLayoutAsync(DefinitionLayoutRecord layout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrWhiteSpace(layout.Id, nameof(layout));
        ArgumentNullException.ThrowIfNull(layout.Json, nameof(layout));
        await ReplaceOrInsertAsync(db => db.DefinitionLayouts, new DefinitionLayoutRow { Id = layout.Id, Json = layout.Json, UpdatedAt = layout.UpdatedAt }, cancellationToken)
            .ConfigureAwait(false);
    }

    // Replaces the document stored under the row's id, or inserts it; when another saver inserts the same id meanwhile,
    // the next try replaces theirs (the last save wins).
    private async Task ReplaceOrInsertAsync<TRow>(Func<StateDbContext, DbSet<TRow>> table, TRow row, CancellationToken cancellationToken)
        where TRow : class, IDocumentRow
    {
        for (int tries = 1; ; tries++)
        {
            await using StateDbContext db = createContext();
            int replaced = await table(db).Where(r => r.Id == row.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Json, row.Json).SetProperty(r => r.UpdatedAt, row.UpdatedAt), cancellationToken)
                .ConfigureAwait(false);
            if (replaced > 0) return;
            table(db).Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception) && tries < CheckpointSaveTries)
            {
                // Another saver created the row meanwhile: replace it on the next try.
            }
        }
    }

    public async Task<DefinitionLayoutRecord?> GetLayoutAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using StateDbContext db = createContext();
        DefinitionLayoutRow? row = await db.DefinitionLayouts.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    // ---- API keys ----

    public async Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Id, nameof(key));
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Sha256, nameof(key));
        await using StateDbContext db = createContext();
        db.ApiKeys.Add(ApiKeyRow.From(key));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            throw new InvalidOperationException($"an API key with the id '{key.Id}' or the same secret exists", exception);
        }
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using StateDbContext db = createContext();
        ApiKeyRow? row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Sha256 == sha256, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default)
    {
        await using StateDbContext db = createContext();
        List<ApiKeyRow> rows = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).Select(k => k.ToRecord()).ToList();
    }

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        DateTimeOffset? revokedAt = at;
        await using StateDbContext db = createContext();
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, revokedAt), cancellationToken).ConfigureAwait(false) > 0;
    }

    // The fence: inside the caller's transaction, a no-op UPDATE of the run's row that matches only while the owner
    // holds the lease. It locks the row until the transaction ends, so a takeover (which updates the same row) waits
    // for this attempt's insert or commit, and an owner that lost the lease changes nothing.
    private static async Task HoldLeaseAsync(StateDbContext db, string runId, string? owner, CancellationToken cancellationToken)
    {
        int held = owner is null ? 0 : await db.Runs
            .Where(r => r.Id == runId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseOwner, owner), cancellationToken).ConfigureAwait(false);
        if (held > 0) return;
        await ThrowIfRunMissingAsync(db, runId, cancellationToken).ConfigureAwait(false);
        throw new LeaseLostException(runId, owner);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RunIdPattern();

    private static void ThrowIfInvalid(DefinitionRecord definition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Id, nameof(definition));
        ArgumentNullException.ThrowIfNull(definition.Json, nameof(definition));
        if (definition.Version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition.Version, $"the definition '{definition.Id}' has version {definition.Version}: versions start at 1");
        }
        string actual = DefinitionRecord.HashOf(definition.Json);
        if (!string.Equals(actual, definition.Sha256, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"the definition '{definition.Id}' version {definition.Version} gives sha256 '{definition.Sha256}', but its JSON hashes to {actual}", nameof(definition));
        }
    }

    private static Task<DefinitionRow?> FindDefinitionAsync(StateDbContext db, string id, int version, CancellationToken cancellationToken) =>
        db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Version == version, cancellationToken);

    private static DefinitionRecord SameOrConflict(DefinitionRow published, DefinitionRecord offered) =>
        string.Equals(published.Sha256, offered.Sha256, StringComparison.Ordinal)
            ? published.ToRecord()
            : throw new DefinitionVersionConflictException(published.Id, published.Version, published.Sha256);

    private static async Task ThrowIfRunMissingAsync(StateDbContext db, string runId, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false)) throw RunNotFound(runId);
    }

    private static KeyNotFoundException RunNotFound(string runId, Exception? inner = null) =>
        new($"no run has the id '{runId}'", inner);

    private static async Task<Exception> NotRunningAsync(StateDbContext db, long executionId, string verb, CancellationToken cancellationToken)
    {
        NodeExecutionRow? row = await db.NodeExecutions.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == executionId, cancellationToken).ConfigureAwait(false);
        return row is null
            ? new KeyNotFoundException($"no node execution has the id {executionId}")
            : new InvalidOperationException(
                $"attempt {row.Attempt} of node '{row.NodePath}' of run '{row.RunId}' (execution {executionId}) is already " +
                $"{row.Status}: only a Running attempt can be {verb}");
    }
}
