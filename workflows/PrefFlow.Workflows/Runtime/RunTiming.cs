namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Where a finished run's time went: its wall time from first start to finish, and the part of it during which at
/// least one activity of a committed attempt was executing. The rest is the engine's own work (scheduling, state
/// writes, verifying blobs) plus any time lost to failed attempts and to the gap between an interruption and a resume.
/// </summary>
/// <param name="WallSeconds">From the run's first start to its finish.</param>
/// <param name="ActivitySeconds">The union of the committed activities' execution spans.</param>
public sealed record RunTiming(double WallSeconds, double ActivitySeconds)
{
    /// <summary>Wall time when no activity was executing.</summary>
    public double OutsideActivitiesSeconds => Math.Max(0, WallSeconds - ActivitySeconds);

    /// <summary><see cref="OutsideActivitiesSeconds"/> as a share of <see cref="WallSeconds"/>.</summary>
    public double OutsideActivitiesShare => WallSeconds > 0 ? OutsideActivitiesSeconds / WallSeconds : 0;
}
