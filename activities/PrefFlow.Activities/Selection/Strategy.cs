namespace PrefFlow.Activities.Selection;

/// <summary>A pair-selection rule as the selection activities read it from their <c>strategy</c> input.</summary>
internal enum Strategy
{
    /// <summary>The smallest implicit margin.</summary>
    Smallest,

    /// <summary>The largest implicit margin.</summary>
    Largest,

    /// <summary>No preference on margins (the paper's baseline).</summary>
    Random,

    /// <summary>The best and the worst response by gold reward (instance level only).</summary>
    BestWorst,

    /// <summary>Sampling in proportion to the Bradley-Terry uncertainty of the implicit margin.</summary>
    Weighted,
}
