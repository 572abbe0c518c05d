namespace PrefFlow.Storage.State;

/// <summary>
/// The durable state of runs: published definitions, runs, node attempts, mid-activity checkpoints and a journal.
/// Every method is atomic on its own and safe to call from several threads and processes at once.
/// Unknown run ids are reported with <see cref="KeyNotFoundException"/> naming the id. A server's drafts, designer
/// layouts and API keys live beside them.
/// </summary>
public interface IStateStore : IDefinitionDraftStore, IDefinitionLayoutStore, IApiKeyStore
{
    /// <summary>
    /// Publishes a definition version, or returns the stored record when exactly the same content
    /// (same <see cref="DefinitionRecord.Sha256"/>) is already published under its id and version.
    /// </summary>
    /// <exception cref="ArgumentException">The version is below 1, or the SHA-256 is not that of the JSON.</exception>
    /// <exception cref="DefinitionVersionConflictException">The id and version are published with other content.</exception>
    Task<DefinitionRecord> PublishDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default);

    /// <summary>The published definition <paramref name="id"/> at <paramref name="version"/>, or null.</summary>
    Task<DefinitionRecord?> GetDefinitionAsync(string id, int version, CancellationToken cancellationToken = default);

    /// <summary>Every published version of every definition, by id then version.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new run.</summary>
    /// <exception cref="ArgumentException">The run id does not match <see cref="RunRecord.Id"/>'s pattern.</exception>
    /// <exception cref="InvalidOperationException">
    /// A run with the same id exists, or its definition version is not published (with <see cref="RunRecord.DefinitionSha256"/>).
    /// </exception>
    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>The run <paramref name="runId"/>, or null.</summary>
    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The runs matching <paramref name="query"/>, newest (by creation) first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes the run with its attempts, checkpoints and journal (not its artifacts: blobs are shared by content); false when there was none.</summary>
    Task<bool> DeleteRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the run's status. Running sets <see cref="RunRecord.StartedAt"/> the first time and clears
    /// <see cref="RunRecord.FinishedAt"/>, <see cref="RunRecord.Error"/> and <see cref="RunRecord.CancelRequested"/>;
    /// Succeeded, Failed and Cancelled set <see cref="RunRecord.FinishedAt"/>; <paramref name="error"/> is kept
    /// for Failed and Interrupted only.
    /// </summary>
    Task SetRunStatusAsync(string runId, RunStatus status, DateTimeOffset at, string? error = null, CancellationToken cancellationToken = default);

    /// <summary>Asks the run's owner to stop; false (and no change) when the run is already Succeeded, Failed or Cancelled.</summary>
    Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes or renews the right to execute the run until <paramref name="now"/> + <paramref name="duration"/>. Succeeds
    /// when nobody holds it, the holder's lease has lapsed, <paramref name="owner"/> already holds it, or the holder is
    /// <paramref name="replaceOwner"/> (a process known to be dead). Atomic: of several callers at most one succeeds.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string runId, string owner, DateTimeOffset now, TimeSpan duration, string? replaceOwner = null, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="owner"/> holds it; otherwise does nothing.</summary>
    Task ReleaseLeaseAsync(string runId, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new attempt (status Running) and returns it with its assigned <see cref="NodeExecutionRecord.Id"/>;
    /// <paramref name="journal"/>, when given, is appended in the same transaction.
    /// </summary>
    /// <exception cref="LeaseLostException">The attempt's <see cref="NodeExecutionRecord.Owner"/> does not hold the run's lease.</exception>
    Task<NodeExecutionRecord> StartNodeAsync(NodeExecutionRecord execution, JournalEntry? journal = null, CancellationToken cancellationToken = default);

    /// <summary>Commits the attempt: status Succeeded with its outputs. Call only after every output blob is verified.</summary>
    /// <exception cref="KeyNotFoundException">No attempt has the id.</exception>
    /// <exception cref="InvalidOperationException">The attempt is no longer Running (e.g. a resume marked it Interrupted).</exception>
    /// <exception cref="LeaseLostException">The attempt's owner no longer holds the run's lease (another process took the run over).</exception>
    /// <remarks><paramref name="journal"/>, when given, is appended in the same transaction: committed exactly when the attempt is.</remarks>
    Task CompleteNodeAsync(long executionId, string outputsJson, DateTimeOffset at, JournalEntry? journal = null, CancellationToken cancellationToken = default);

    /// <summary>Ends the attempt as Failed, Cancelled or Interrupted with the reason; <paramref name="kind"/> is kept for Failed only.</summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is Running or Succeeded.</exception>
    /// <exception cref="KeyNotFoundException">No attempt has the id.</exception>
    /// <exception cref="InvalidOperationException">The attempt is no longer Running.</exception>
    Task EndNodeAsync(long executionId, NodeStatus status, string error, ErrorKind? kind, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Marks every attempt of the run still Running as Interrupted (their process is gone); returns how many.</summary>
    Task<int> InterruptRunningNodesAsync(string runId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The newest Succeeded attempt of the node, or null.</summary>
    Task<NodeExecutionRecord?> GetCommittedNodeAsync(string runId, string nodePath, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest Succeeded attempt, of any node of any run, whose <see cref="NodeExecutionRecord.InputHash"/> is
    /// <paramref name="inputHash"/>, or null: work already done that another run may reuse instead of doing it again.
    /// </summary>
    Task<NodeExecutionRecord?> FindCommittedWorkAsync(string inputHash, CancellationToken cancellationToken = default);

    /// <summary>True when a committed attempt of any run, or a saved checkpoint, names the blob <paramref name="sha256"/>.</summary>
    Task<bool> IsArtifactReferencedAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every attempt of every node of the run, in the order they started.</summary>
    Task<IReadOnlyList<NodeExecutionRecord>> ListNodeExecutionsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Saves the node's latest checkpoint for its input hash, replacing any earlier one of the same node.</summary>
    Task SaveCheckpointAsync(NodeCheckpointRecord checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The node's latest checkpoint for <paramref name="inputHash"/>, or null.</summary>
    Task<NodeCheckpointRecord?> GetCheckpointAsync(string runId, string nodePath, string inputHash, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry and returns it with its assigned <see cref="JournalEntry.Sequence"/>.</summary>
    Task<JournalEntry> AppendJournalAsync(JournalEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The run's entries with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, long afterSequence = 0, int limit = 1000, CancellationToken cancellationToken = default);
}
