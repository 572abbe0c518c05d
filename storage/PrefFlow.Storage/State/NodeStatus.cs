namespace PrefFlow.Storage.State;

/// <summary>Where one attempt of one node stands.</summary>
public enum NodeStatus
{
    /// <summary>The attempt is executing.</summary>
    Running,

    /// <summary>The attempt completed and its outputs are committed: their blobs were written and verified.</summary>
    Succeeded,

    /// <summary>The attempt failed; <see cref="NodeExecutionRecord.Error"/> says why.</summary>
    Failed,

    /// <summary>The attempt was cancelled on request.</summary>
    Cancelled,

    /// <summary>Its process stopped during the attempt; found and marked by a later resume.</summary>
    Interrupted,
}
