namespace PrefFlow.Learning.Oracle;

/// <summary>What the oracle does with a pair whose two responses get the same gold reward.</summary>
public enum TiePolicy
{
    /// <summary>Leave the pair out of the training set (and count it).</summary>
    Drop,
    /// <summary>Label it by a seeded coin flip (and count it).</summary>
    CoinFlip,
}
