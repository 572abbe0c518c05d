namespace PrefFlow.Learning.Training;

/// <summary>Supervised fine-tuning settings (paper: lr 2e-5, batch 128, 1 epoch on an 8B model; the tiny model trains best near 1e-3, while 2e-3 already underfits).</summary>
public sealed record SftOptions
{
    /// <summary>Optimiser updates.</summary>
    public int Steps { get; init; } = 600;

    /// <summary>Demonstrations per update.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Demonstrations per forward pass; gradients accumulate up to <see cref="BatchSize"/>.</summary>
    public int MicroBatchSize { get; init; } = 128;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Warm-up updates.</summary>
    public int WarmupSteps { get; init; } = 30;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Gradient norm clip; 0 disables clipping.</summary>
    public double MaxGradientNorm { get; init; } = 1.0;

    /// <summary>Write a mid-training checkpoint every this many updates; 0 never.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        TrainingValidation.Positive(Steps, nameof(Steps));
        TrainingValidation.Batches(BatchSize, MicroBatchSize);
        TrainingValidation.LearningRate(LearningRate, nameof(LearningRate));
        TrainingValidation.NonNegativeFinite(WeightDecay, nameof(WeightDecay));
        TrainingValidation.NonNegativeFinite(MaxGradientNorm, nameof(MaxGradientNorm));
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be >= 0");
        if (WarmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(WarmupSteps), WarmupSteps, "WarmupSteps must be >= 0");
    }
}
