namespace PrefFlow.Learning.Training;

/// <summary>Progress of a training loop: updates done, updates planned, and the last update's loss.</summary>
public readonly record struct TrainingProgress(int Step, int TotalSteps, double Loss);
