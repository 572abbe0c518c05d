using System.Globalization;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// Unlabelled pairs of distinct responses, at most one per prompt: instance selection's candidates and
/// corpus selection's kept pairs. Parquet columns, one row per pair in prompt order: <c>prompt</c>,
/// <c>kind</c>, <c>digits</c>, <c>first</c>, <c>second</c> (int32: the two responses' indices within the prompt,
/// first &lt; second), <c>first_tokens</c>, <c>second_tokens</c> (string, text form), <c>first_reward</c>,
/// <c>second_reward</c> (double: implicit rewards) and <c>margin</c> (double: |first_reward - second_reward|).
/// Metadata: <c>prompts</c>, the number of prompts the pairs were selected from, and <c>scored</c>, "false"
/// when the responses had no implicit rewards (all rewards are then 0).
/// </summary>
public sealed class PairsDataset
{
    /// <summary>The dataset kind written in the file.</summary>
    public const string Kind = "pairs";

    /// <summary>The schema version.</summary>
    public const int Version = 1;

    /// <summary>Pairs selected from <paramref name="prompts"/> prompts.</summary>
    public PairsDataset(IReadOnlyList<Pair> pairs, int prompts, bool scored)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Pairs = pairs;
        Prompts = prompts;
        Scored = scored;
    }

    /// <summary>One pair: the prompt (its row in the prompts dataset and its content) and two distinct responses with their rewards.</summary>
    public sealed record Pair(int PromptIndex, Prompt Prompt, int First, int Second, int[] FirstTokens, int[] SecondTokens, double FirstReward, double SecondReward)
    {
        /// <summary>|r(first) - r(second)|.</summary>
        public double Margin => Math.Abs(FirstReward - SecondReward);
    }

    /// <summary>The pairs, in prompt order.</summary>
    public IReadOnlyList<Pair> Pairs { get; }

    /// <summary>Prompts the pairs were selected from (M), including those without a pair.</summary>
    public int Prompts { get; }

    /// <summary>Whether the rewards are implicit rewards (false: the responses were not scored and rewards are 0).</summary>
    public bool Scored { get; }

    /// <summary>The Parquet bytes.</summary>
    public Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var columns = PromptColumns.Write([.. Pairs.Select(p => p.PromptIndex)], [.. Pairs.Select(p => p.Prompt)]).ToList();
        columns.Add(new("first", Pairs.Select(p => p.First).ToArray()));
        columns.Add(new("second", Pairs.Select(p => p.Second).ToArray()));
        columns.Add(new("first_tokens", Pairs.Select(p => TokenText.Format(p.FirstTokens)).ToArray()));
        columns.Add(new("second_tokens", Pairs.Select(p => TokenText.Format(p.SecondTokens)).ToArray()));
        columns.Add(new("first_reward", Pairs.Select(p => p.FirstReward).ToArray()));
        columns.Add(new("second_reward", Pairs.Select(p => p.SecondReward).ToArray()));
        columns.Add(new("margin", Pairs.Select(p => p.Margin).ToArray()));
        return ParquetTable.WriteAsync(Kind, Version, new Dictionary<string, string>
        {
            ["prompts"] = Prompts.ToString(CultureInfo.InvariantCulture),
            ["scored"] = Scored ? "true" : "false",
        }, columns, cancellationToken);
    }

    /// <summary>Reads a pairs dataset.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid pairs dataset; the message says why.</exception>
    public static async Task<PairsDataset> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var table = await ParquetTable.ReadAsync(bytes, Kind, Version, cancellationToken).ConfigureAwait(false);
        var (index, prompts) = PromptColumns.Read(table);
        int[] first = table.Int32("first"), second = table.Int32("second");
        int[][] firstTokens = PromptColumns.Tokens(table, "first_tokens"), secondTokens = PromptColumns.Tokens(table, "second_tokens");
        double[] firstReward = table.Double("first_reward"), secondReward = table.Double("second_reward");
        int promptCount = table.RequiredMetadataInt("prompts");
        string scored = table.RequiredMetadata("scored");
        if (scored is not ("true" or "false")) throw new InvalidDataException($"its metadata 'scored' is '{scored}', not true or false");
        var pairs = new Pair[table.RowCount];
        for (int row = 0; row < pairs.Length; row++)
        {
            if (row > 0 && index[row] <= index[row - 1]) throw new InvalidDataException($"row {row} repeats or goes back to prompt {index[row]}: pairs are one per prompt, in prompt order");
            if (index[row] >= promptCount) throw new InvalidDataException($"row {row} names prompt {index[row]}, but the pairs come from {promptCount} prompts");
            if (first[row] < 0 || second[row] <= first[row]) throw new InvalidDataException($"row {row} has the responses ({first[row]}, {second[row]}); expected 0 <= first < second");
            if (!double.IsFinite(firstReward[row]) || !double.IsFinite(secondReward[row])) throw new InvalidDataException($"row {row} has a reward that is not finite");
            pairs[row] = new Pair(index[row], prompts[row], first[row], second[row], firstTokens[row], secondTokens[row], firstReward[row], secondReward[row]);
        }
        return new PairsDataset(pairs, promptCount, scored == "true");
    }
}
