namespace PrefFlow.Host.Scheduling;

/// <summary>What a schedule's tick does.</summary>
internal enum ScheduleAction
{
    /// <summary>Starts a new run of the definition with the schedule's parameters and seed.</summary>
    StartRun,

    /// <summary>
    /// Continues an experiment by its next iteration: a run with the iteration parameter one above the schedule's last
    /// succeeded run, with the same seed, so every earlier iteration's committed work (its checkpoints included) is
    /// reused and only the new iteration computes.
    /// </summary>
    ContinueExperiment,
}
