namespace PrefFlow.Learning.Training;

/// <summary>A labelled preference: a prompt and its chosen and rejected responses (token ids, EOS included when generated).</summary>
public sealed record PreferencePair(int[] Prompt, int[] Chosen, int[] Rejected);
