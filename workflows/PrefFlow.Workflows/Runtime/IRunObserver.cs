using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Watches a run as it executes, e.g. to draw live progress. Calls come from several threads; keep them quick.</summary>
public interface IRunObserver
{
    /// <summary>An entry was written to the run's journal.</summary>
    void OnJournal(JournalEntry entry);

    /// <summary>A node reported progress (every report, unlike the journal, which keeps a few).</summary>
    void OnProgress(string nodePath, ActivityProgress progress);
}
