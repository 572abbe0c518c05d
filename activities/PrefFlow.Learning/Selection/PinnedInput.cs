namespace PrefFlow.Learning.Selection;

/// <summary>
/// The pinned rewards and ids of <see cref="InstanceSelector.Select"/>, cut into blocks of prompts that worker
/// threads can read. Valid only inside the fixed statement that pinned them.
/// </summary>
internal readonly unsafe struct PinnedInput(double* rewards, int* ids, int rewardCount, int idCount, int responsesPerPrompt)
{
    private const int PromptsPerBlock = InstanceSelector.PromptsPerBlock;

    public int PromptCount(int block) =>
        Math.Min(PromptsPerBlock, rewardCount / responsesPerPrompt - block * PromptsPerBlock);

    public ReadOnlySpan<double> Rewards(int block) =>
        new(rewards + (long)block * PromptsPerBlock * responsesPerPrompt, PromptCount(block) * responsesPerPrompt);

    /// <summary>The block's ids, or empty when the caller gave none.</summary>
    public ReadOnlySpan<int> Ids(int block) =>
        idCount == 0 ? default : new(ids + (long)block * PromptsPerBlock * responsesPerPrompt, PromptCount(block) * responsesPerPrompt);
}
