using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PrefFlow.Host.Rendering;

/// <summary>
/// Live progress as plain lines: each journal event as it happens, and each node's progress at most every few
/// seconds (and when it completes). Plain lines read well in a terminal, a log file and a CI console alike.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, TimeSpan progressInterval) : IRunObserver
{
    private static readonly HashSet<string> Quiet = new(StringComparer.Ordinal) { "node.progress" };
    private readonly ConcurrentDictionary<string, long> _lastProgress = new(StringComparer.Ordinal);
    private readonly Lock _write = new();

    public void OnJournal(JournalEntry entry)
    {
        if (Quiet.Contains(entry.Kind)) return;
        Write(entry.At.ToLocalTime(), entry.NodePath, entry.Message);
    }

    public void OnProgress(string nodePath, ActivityProgress progress)
    {
        long now = Stopwatch.GetTimestamp();
        bool finished = progress.Total > 0 && progress.Done >= progress.Total;
        long last = _lastProgress.GetOrAdd(nodePath, 0);
        if (!finished && last != 0 && Stopwatch.GetElapsedTime(last, now) < progressInterval) return;
        _lastProgress[nodePath] = now;
        string total = progress.Total > 0 ? "/" + progress.Total.ToString(CultureInfo.InvariantCulture) : "";
        string detail = progress.Detail is null ? "" : "  " + progress.Detail;
        Write(DateTimeOffset.Now, nodePath, $"{progress.Stage} {progress.Done.ToString(CultureInfo.InvariantCulture)}{total}{detail}");
    }

    private void Write(DateTimeOffset at, string? nodePath, string message)
    {
        string line = $"{at:HH:mm:ss}  {(nodePath is null ? "run" : nodePath),-28}  {message}";
        lock (_write) output.WriteLine(line);
    }
}
