namespace PrefFlow.Learning.Training;

/// <summary>
/// Preference-optimisation settings. The paper uses beta 0.1, lr 5e-7, batch 128, one epoch on an 8B
/// model; the tiny model needs a larger rate (3e-5; 1e-4 already lowers its accuracy).
/// </summary>
public sealed record DpoOptions
{
    /// <summary>The objective.</summary>
    public PreferenceLossKind Loss { get; init; } = PreferenceLossKind.Dpo;

    /// <summary>Strength of the KL regularisation towards the reference.</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>Assumed label-flip probability of <see cref="PreferenceLossKind.ConservativeDpo"/>, in [0, 0.5).</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>
    /// SimPO's target margin gamma, subtracted after scaling by <see cref="Beta"/>, in [0, 10]. SimPO's authors
    /// use gamma/beta about 0.5 (e.g. beta 2, gamma 1); the default keeps that ratio at the default beta 0.1.
    /// Only <see cref="PreferenceLossKind.SimPo"/> reads it.
    /// </summary>
    public double Gamma { get; init; } = 0.05;

    /// <summary>
    /// Weight of an added negative log-likelihood term on the chosen response, per token (RPO,
    /// Pang et al. 2024: "crucial" on tasks with exact answers). 0 is plain preference optimisation.
    /// The default is 1: on the built-in task plain DPO moves greedy accuracy little or lowers it,
    /// while DPO with this term raises it (see the README's notes on the backend).
    /// </summary>
    public double NllWeight { get; init; } = 1.0;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 3e-5;

    /// <summary>Pairs per update (the effective batch).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Pairs per forward pass; gradients accumulate up to <see cref="BatchSize"/>, so memory is bounded by this.</summary>
    public int MicroBatchSize { get; init; } = 64;

    /// <summary>Passes over the pairs.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Share of updates spent warming up linearly.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>Decay the rate linearly to zero after warm-up (otherwise constant).</summary>
    public bool DecayLearningRate { get; init; }

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Gradient norm clip; 0 disables clipping.</summary>
    public double MaxGradientNorm { get; init; } = 1.0;

    /// <summary>Write a mid-training checkpoint every this many updates; 0 never.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Beta) || Beta <= 0) throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "Beta must be a finite number > 0");
        if (!(LabelSmoothing >= 0 && LabelSmoothing < 0.5)) throw new ArgumentOutOfRangeException(nameof(LabelSmoothing), LabelSmoothing, "LabelSmoothing must be in [0, 0.5)");
        if (!(Gamma >= 0 && Gamma <= 10)) throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "Gamma must be in [0, 10]");
        TrainingValidation.NonNegativeFinite(NllWeight, nameof(NllWeight));
        TrainingValidation.LearningRate(LearningRate, nameof(LearningRate));
        TrainingValidation.Batches(BatchSize, MicroBatchSize);
        TrainingValidation.Positive(Epochs, nameof(Epochs));
        if (!(WarmupFraction >= 0 && WarmupFraction < 1)) throw new ArgumentOutOfRangeException(nameof(WarmupFraction), WarmupFraction, "WarmupFraction must be in [0, 1)");
        TrainingValidation.NonNegativeFinite(WeightDecay, nameof(WeightDecay));
        TrainingValidation.NonNegativeFinite(MaxGradientNorm, nameof(MaxGradientNorm));
        if (CheckpointEvery < 0) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, "CheckpointEvery must be >= 0");
        if (!Enum.IsDefined(Loss)) throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "unknown preference loss");
    }
}
