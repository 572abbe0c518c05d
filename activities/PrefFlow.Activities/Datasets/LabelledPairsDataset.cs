using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// Pairs labelled by the oracle, ready for preference training. Parquet columns, one row per pair:
/// <c>prompt</c>, <c>kind</c>, <c>digits</c>, <c>chosen</c>, <c>rejected</c> (string: responses in text form),
/// <c>chosen_gold_reward</c>, <c>rejected_gold_reward</c>, <c>gold_margin</c> (double: gold rewards and their
/// difference, negative when label noise flipped the verdict), <c>implicit_margin</c> (double: implicit reward
/// of chosen minus rejected) and <c>tie</c> (boolean: the gold rewards tied and a coin chose). Metadata:
/// <c>scored</c> ("false" when the pairs carried no implicit rewards).
/// </summary>
public sealed class LabelledPairsDataset
{
    /// <summary>The dataset kind written in the file.</summary>
    public const string Kind = "labelled-pairs";

    /// <summary>The schema version.</summary>
    public const int Version = 1;

    /// <summary>Labelled pairs.</summary>
    public LabelledPairsDataset(IReadOnlyList<Pair> pairs, bool scored)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Pairs = pairs;
        Scored = scored;
    }

    /// <summary>One labelled pair.</summary>
    public sealed record Pair(int PromptIndex, Prompt Prompt, int[] Chosen, int[] Rejected, double ChosenGoldReward, double RejectedGoldReward, double ImplicitMargin, bool Tie)
    {
        /// <summary>Gold reward of the chosen response minus the rejected one's.</summary>
        public double GoldMargin => ChosenGoldReward - RejectedGoldReward;
    }

    /// <summary>The pairs, in the order they were labelled.</summary>
    public IReadOnlyList<Pair> Pairs { get; }

    /// <summary>Whether implicit margins are meaningful (false: the responses were never scored).</summary>
    public bool Scored { get; }

    /// <summary>The Parquet bytes.</summary>
    public Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var columns = PromptColumns.Write([.. Pairs.Select(p => p.PromptIndex)], [.. Pairs.Select(p => p.Prompt)]).ToList();
        columns.Add(new("chosen", Pairs.Select(p => TokenText.Format(p.Chosen)).ToArray()));
        columns.Add(new("rejected", Pairs.Select(p => TokenText.Format(p.Rejected)).ToArray()));
        columns.Add(new("chosen_gold_reward", Pairs.Select(p => p.ChosenGoldReward).ToArray()));
        columns.Add(new("rejected_gold_reward", Pairs.Select(p => p.RejectedGoldReward).ToArray()));
        columns.Add(new("gold_margin", Pairs.Select(p => p.GoldMargin).ToArray()));
        columns.Add(new("implicit_margin", Pairs.Select(p => p.ImplicitMargin).ToArray()));
        columns.Add(new("tie", Pairs.Select(p => p.Tie).ToArray()));
        return ParquetTable.WriteAsync(Kind, Version, new Dictionary<string, string> { ["scored"] = Scored ? "true" : "false" }, columns, cancellationToken);
    }

    /// <summary>Reads a labelled pairs dataset.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid labelled pairs dataset; the message says why.</exception>
    public static async Task<LabelledPairsDataset> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var table = await ParquetTable.ReadAsync(bytes, Kind, Version, cancellationToken).ConfigureAwait(false);
        var (index, prompts) = PromptColumns.Read(table);
        int[][] chosen = PromptColumns.Tokens(table, "chosen"), rejected = PromptColumns.Tokens(table, "rejected");
        double[] chosenReward = table.Double("chosen_gold_reward"), rejectedReward = table.Double("rejected_gold_reward");
        double[] implicitMargin = table.Double("implicit_margin");
        bool[] tie = table.Boolean("tie");
        string scored = table.RequiredMetadata("scored");
        if (scored is not ("true" or "false")) throw new InvalidDataException($"its metadata 'scored' is '{scored}', not true or false");
        var pairs = new Pair[table.RowCount];
        for (int row = 0; row < pairs.Length; row++)
        {
            if (chosen[row].Length == 0 || rejected[row].Length == 0) throw new InvalidDataException($"row {row} has an empty chosen or rejected response");
            pairs[row] = new Pair(index[row], prompts[row], chosen[row], rejected[row], chosenReward[row], rejectedReward[row], implicitMargin[row], tie[row]);
        }
        return new LabelledPairsDataset(pairs, scored == "true");
    }
}
