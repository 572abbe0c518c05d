namespace PrefFlow.Storage.State;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    /// <summary>Created, not yet started by any process.</summary>
    Pending,

    /// <summary>A process is executing it (see <see cref="RunRecord.LeaseOwner"/>).</summary>
    Running,

    /// <summary>Every node completed; terminal.</summary>
    Succeeded,

    /// <summary>A node failed permanently or ran out of attempts; a resume may retry it.</summary>
    Failed,

    /// <summary>Cancelled on request; a resume may continue it.</summary>
    Cancelled,

    /// <summary>Its process stopped without finishing it (a crash, a kill); a resume continues it.</summary>
    Interrupted,
}
