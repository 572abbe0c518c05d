namespace PrefFlow.Learning.Training;

/// <summary>
/// Linear warm-up to the peak rate, then constant or a linear decay to zero. A pure function of the
/// step, so a run continued from a checkpoint follows the same rates.
/// </summary>
public sealed record LearningRateSchedule(double PeakRate, int WarmupSteps, int TotalSteps, bool Decay)
{
    /// <summary>The rate for update number <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (WarmupSteps > 0 && step < WarmupSteps) return PeakRate * (step + 1) / WarmupSteps;
        if (!Decay) return PeakRate;
        int decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        return PeakRate * Math.Max(0.0, 1.0 - (double)(step - WarmupSteps) / decaySteps);
    }
}
