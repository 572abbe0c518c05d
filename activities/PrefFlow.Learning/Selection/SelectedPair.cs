namespace PrefFlow.Learning.Selection;

/// <summary>
/// The pair chosen for one prompt: two distinct responses, given by their index within the prompt
/// (<paramref name="First"/> &lt; <paramref name="Second"/>), and their margin |r(First) - r(Second)|.
/// </summary>
/// <param name="Prompt">The prompt's index (its row in the reward matrix).</param>
/// <param name="First">The lower response index within the prompt.</param>
/// <param name="Second">The higher response index within the prompt.</param>
/// <param name="Margin">The absolute reward difference of the two responses.</param>
public readonly record struct SelectedPair(int Prompt, int First, int Second, double Margin);
