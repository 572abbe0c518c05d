namespace PrefFlow.Learning.Tasks;

/// <summary>
/// The disjoint prompt pools of the task. A prompt belongs to exactly one split (decided by its
/// content fingerprint), so no evaluation prompt is ever trained on.
/// </summary>
public enum TaskSplit
{
    /// <summary>Demonstrations for supervised fine-tuning of pi_ref.</summary>
    Sft,
    /// <summary>The offline labelled set that turns pi_ref into pi^0 (paper section 3.2.2).</summary>
    Offline,
    /// <summary>Prompts for the online iterations.</summary>
    Iteration,
    /// <summary>Held-out prompts for win rates and other metrics.</summary>
    Evaluation,
}
