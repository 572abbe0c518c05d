namespace PrefFlow.Host.Scheduling;

/// <summary>What a schedule does about ticks missed while no host was up (or while it was paused).</summary>
internal enum ScheduleMisfire
{
    /// <summary>One run now for all the missed ticks, then on schedule.</summary>
    FireOnceNow,

    /// <summary>No run for missed ticks; the next tick on schedule.</summary>
    Skip,
}
