using PrefFlow.Learning.Selection;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Selection;

/// <summary>The selection strategies as inputs name them: smallest, largest, random.</summary>
internal static class Strategies
{
    public static readonly IReadOnlyList<string> Names = ["smallest", "largest", "random"];

    public static MarginOrder Read(IActivityContext context, string input)
    {
        string value = context.Inputs.GetString(input);
        return value switch
        {
            "smallest" => MarginOrder.Smallest,
            "largest" => MarginOrder.Largest,
            "random" => MarginOrder.Random,
            _ => throw new ActivityException($"input '{input}' is '{value}': expected smallest, largest or random."),
        };
    }
}
