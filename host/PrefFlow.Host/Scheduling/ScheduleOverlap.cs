namespace PrefFlow.Host.Scheduling;

/// <summary>What a tick does while a run the schedule started earlier has not ended.</summary>
internal enum ScheduleOverlap
{
    /// <summary>No run for this tick.</summary>
    Skip,

    /// <summary>One run waits and starts when the running one ends; further ticks meanwhile are skipped.</summary>
    BufferOne,

    /// <summary>Start anyway: the runs overlap.</summary>
    Allow,
}
