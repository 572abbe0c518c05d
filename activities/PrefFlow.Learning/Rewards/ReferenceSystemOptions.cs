namespace PrefFlow.Learning.Rewards;

/// <summary>Settings of the fixed reference system whose outputs the win rate compares against.</summary>
public sealed record ReferenceSystemOptions
{
    /// <summary>Share of prompts on which the reference answer has one wrong digit.</summary>
    public double ErrorRate { get; init; } = 0.2;

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (!(ErrorRate >= 0 && ErrorRate <= 1)) throw new ArgumentOutOfRangeException(nameof(ErrorRate), ErrorRate, "ErrorRate must be in [0, 1]");
    }
}
