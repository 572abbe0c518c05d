using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Pipeline;

/// <summary>
/// How pi_ref and pi^0 are made before the online iterations (paper section 3.2.2): SFT on noisy
/// demonstrations gives pi_ref; DPO of a copy of pi_ref on an offline labelled set gives pi^0.
/// </summary>
public sealed record BootstrapOptions
{
    /// <summary>Model size preset.</summary>
    public string Preset { get; init; } = "tiny";

    /// <summary>Supervised fine-tuning of pi_ref.</summary>
    public SftOptions Sft { get; init; } = new();

    /// <summary>Prompts of the offline labelled set (two temperature-1 samples of pi_ref each, labelled by the gold RM).</summary>
    public int OfflinePrompts { get; init; } = 2000;

    /// <summary>Preference training of pi^0 on the offline set.</summary>
    public DpoOptions OfflineTraining { get; init; } = new();
}
