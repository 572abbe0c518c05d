namespace PrefFlow.Learning.Selection;

/// <summary>Which margins a selection prefers: the margin of a pair is |r(a) - r(b)|.</summary>
public enum MarginOrder
{
    /// <summary>The smallest margins: the hardest pairs to tell apart.</summary>
    Smallest,

    /// <summary>The largest margins: the clearest preferences.</summary>
    Largest,

    /// <summary>No preference on margins: the paper's baseline.</summary>
    Random,
}
