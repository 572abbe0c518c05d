using PrefFlow.Learning.Selection;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Selection;

/// <summary>
/// The selection strategies as inputs name them: smallest, largest, random and weighted at both levels, best-worst
/// only at the instance level (it pairs responses by gold reward, which only a prompt's N responses have).
/// </summary>
internal static class Strategies
{
    private static readonly Dictionary<string, Strategy> All = new(StringComparer.Ordinal)
    {
        ["smallest"] = Strategy.Smallest,
        ["largest"] = Strategy.Largest,
        ["random"] = Strategy.Random,
        ["best-worst"] = Strategy.BestWorst,
        ["weighted"] = Strategy.Weighted,
    };

    public static readonly IReadOnlyList<string> InstanceNames = ["smallest", "largest", "random", "best-worst", "weighted"];

    public static readonly IReadOnlyList<string> CorpusNames = ["smallest", "largest", "random", "weighted"];

    /// <summary>The description of the <c>uncertaintyBeta</c> input both selection activities share.</summary>
    public const string UncertaintyBetaDescription =
        "Strategy weighted draws pairs with probability proportional to p(1 - p), p = sigmoid(uncertaintyBeta * margin): " +
        "small margins are favoured, not chosen exclusively. The default 0.1 is the DPO beta, making p the model's own " +
        "preference probability; 0 draws uniformly, larger values favour small margins more.";

    public static Strategy Read(IActivityContext context, string input, IReadOnlyList<string> names)
    {
        string value = context.Inputs.GetString(input);
        return names.Contains(value) && All.TryGetValue(value, out Strategy strategy)
            ? strategy
            : throw new ActivityException($"input '{input}' is '{value}': expected one of {string.Join(", ", names)}.");
    }

    /// <summary>The margin order of smallest, largest and random, which need no seed or gold reward.</summary>
    public static MarginOrder Order(Strategy strategy) => strategy switch
    {
        Strategy.Smallest => MarginOrder.Smallest,
        Strategy.Largest => MarginOrder.Largest,
        Strategy.Random => MarginOrder.Random,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "not a margin order"),
    };
}
