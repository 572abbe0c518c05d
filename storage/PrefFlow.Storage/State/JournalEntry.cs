namespace PrefFlow.Storage.State;

/// <summary>One event of a run's journal, in the order appended.</summary>
/// <param name="Sequence">Assigned by the store: increasing within a run (not necessarily by one); 0 before.</param>
/// <param name="RunId">The run.</param>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened, e.g. "run.started", "node.started", "node.retrying", "node.committed", "node.progress", "log".</param>
/// <param name="NodePath">The node it is about; null for the whole run.</param>
/// <param name="Message">One line for people.</param>
/// <param name="DataJson">Details as a JSON object for programs; null for none.</param>
public sealed record JournalEntry(
    long Sequence,
    string RunId,
    DateTimeOffset At,
    string Kind,
    string? NodePath,
    string Message,
    string? DataJson = null);
