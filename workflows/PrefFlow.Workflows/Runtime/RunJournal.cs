using System.Collections.Concurrent;
using PrefFlow.Storage.State;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Writes a run's journal entries to the state store and tells the observer.</summary>
internal sealed class RunJournal(IStateStore state, string runId, IRunObserver? observer, TimeProvider time)
{
    private readonly ConcurrentQueue<Task> _posted = new();

    public async Task WriteAsync(string kind, string? nodePath, string message, JsonObject? data = null)
    {
        // The journal outlives a cancelled run: its last entries say how it ended.
        JournalEntry entry = await state.AppendJournalAsync(Entry(kind, nodePath, message, data), CancellationToken.None).ConfigureAwait(false);
        observer?.OnJournal(entry);
    }

    /// <summary>An entry for the store to append together with a state change; pass it to <see cref="Notify"/> once stored.</summary>
    public JournalEntry Entry(string kind, string? nodePath, string message, JsonObject? data = null) =>
        new(0, runId, time.GetUtcNow(), kind, nodePath, message, data is null ? null : CanonicalJson.Write(data));

    public void Notify(JournalEntry stored) => observer?.OnJournal(stored);

    /// <summary>Writes without waiting; for advisory entries (progress, logs) whose loss must not fail the run.</summary>
    public void Post(string kind, string? nodePath, string message) => _posted.Enqueue(PostAsync(kind, nodePath, message));

    /// <summary>Waits for every entry posted so far.</summary>
    public async Task FlushAsync()
    {
        while (_posted.TryDequeue(out Task? posted)) await posted.ConfigureAwait(false);
    }

    public void Progress(string nodePath, Activities.ActivityProgress progress) => observer?.OnProgress(nodePath, progress);

    private async Task PostAsync(string kind, string? nodePath, string message)
    {
        try
        {
            await WriteAsync(kind, nodePath, message).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Advisory only: losing one progress line must not fail the run.
        }
    }
}
