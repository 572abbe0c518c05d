namespace PrefFlow.Workflows.Runtime;

/// <summary>How the engine executes runs; every value has a sensible default.</summary>
public sealed class EngineOptions
{
    /// <summary>The most activity nodes of one run executing at once (independent branches run side by side).</summary>
    public int MaxParallelism { get; set; } = 2;

    /// <summary>The most attempts of a node unless its definition says otherwise, the first included.</summary>
    public int DefaultAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry unless the definition says otherwise; it doubles with each further retry.</summary>
    public TimeSpan DefaultBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most one attempt may run unless the definition says otherwise; null for no limit.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>How long a run's lease lasts without renewal; another process may take a run over once it lapses.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the executing process renews its lease and looks for a cancel request.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The least time between two progress entries of one node in the journal (live observers see every report).</summary>
    public TimeSpan ProgressJournalInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a node may reuse the outputs that another run committed for the same work (same activity, version,
    /// inputs and node seed), when their blobs still verify, instead of doing the work again; and whether two of this
    /// engine's runs wanting the same work at once do it once. Sweeps share expensive nodes this way. Off by default:
    /// a plain run should really run its activities unless asked otherwise.
    /// </summary>
    public bool ReuseWorkAcrossRuns { get; set; }

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (MaxParallelism < 1) throw new ArgumentOutOfRangeException(nameof(MaxParallelism), MaxParallelism, "must be at least 1.");
        if (DefaultAttempts < 1) throw new ArgumentOutOfRangeException(nameof(DefaultAttempts), DefaultAttempts, "must be at least 1.");
        if (DefaultBackoff < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultBackoff), DefaultBackoff, "cannot be negative.");
        if (DefaultTimeout is { } timeout && timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DefaultTimeout), timeout, "must be positive.");
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "must be positive.");
        if (LeaseDuration <= PollInterval * 2) throw new ArgumentOutOfRangeException(nameof(LeaseDuration), LeaseDuration, "must be more than twice the poll interval.");
    }
}
