using System.Diagnostics;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Names the process executing a run ("host:pid:nonce") and tells whether such a process is still alive.</summary>
public static class RunOwner
{
    /// <summary>This process's owner name, unique per engine instance.</summary>
    public static string New() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// True when a live process executes the run: it is Running under a lease that has not lapsed, held by a process
    /// not known to be dead.
    /// </summary>
    public static bool IsExecuting(PrefFlow.Storage.State.RunRecord run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status == PrefFlow.Storage.State.RunStatus.Running && run.LeaseOwner is { } owner && !IsKnownDead(owner) && run.LeaseExpiresAt > now;
    }

    /// <summary>
    /// The run's status as it stands: a Running run that no live process executes (its owner died, or its lease lapsed)
    /// is Interrupted, waiting for a resume or for another host to take it over.
    /// </summary>
    public static PrefFlow.Storage.State.RunStatus EffectiveStatus(PrefFlow.Storage.State.RunRecord run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status == PrefFlow.Storage.State.RunStatus.Running && !IsExecuting(run, now) ? PrefFlow.Storage.State.RunStatus.Interrupted : run.Status;
    }

    /// <summary>
    /// True when <paramref name="owner"/> names a process of this machine that no longer exists: its run can be taken
    /// over at once. A process on another machine is never known to be dead (its lease must lapse).
    /// </summary>
    public static bool IsKnownDead(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        string[] parts = owner.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out int pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using Process process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
