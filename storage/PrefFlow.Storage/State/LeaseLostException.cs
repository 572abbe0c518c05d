namespace PrefFlow.Storage.State;

/// <summary>
/// A node attempt was started or committed by a process that no longer holds its run's lease: another process took the
/// run over, so this one's work must stop and must not be recorded (the lease is the fencing token).
/// </summary>
public sealed class LeaseLostException : InvalidOperationException
{
    /// <summary>Says that <paramref name="owner"/> does not hold the lease of <paramref name="runId"/>.</summary>
    public LeaseLostException(string runId, string? owner)
        : base($"run '{runId}' is no longer leased to {owner ?? "an unnamed process"}: another process took it over, so this attempt is not recorded")
    {
        RunId = runId;
        Owner = owner;
    }

    /// <summary>The run.</summary>
    public string RunId { get; }

    /// <summary>The process that lost the lease.</summary>
    public string? Owner { get; }
}
