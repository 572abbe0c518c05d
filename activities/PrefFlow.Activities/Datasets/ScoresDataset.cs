namespace PrefFlow.Activities.Datasets;

/// <summary>
/// Responses with their implicit rewards r(y) = log pi(y|x) - log pi_ref(y|x). Parquet columns: those of
/// the responses dataset, then <c>policy_log_prob</c>, <c>reference_log_prob</c> (double: summed response
/// log-probabilities, teacher-forced) and <c>reward</c> (double: their difference, divided by <c>length</c> when
/// length-normalised). Metadata: <c>responses_per_prompt</c>, <c>length_normalised</c> ("true" or "false").
/// </summary>
public sealed class ScoresDataset
{
    /// <summary>The dataset kind written in the file.</summary>
    public const string Kind = "scores";

    /// <summary>The schema version.</summary>
    public const int Version = 1;

    /// <summary>Scores of <paramref name="responses"/>, one per response in prompt-major order.</summary>
    public ScoresDataset(ResponsesDataset responses, double[] policyLogProbs, double[] referenceLogProbs, double[] rewards, bool lengthNormalised)
    {
        ArgumentNullException.ThrowIfNull(responses);
        int rows = responses.Prompts.Count * responses.ResponsesPerPrompt;
        if (policyLogProbs.Length != rows || referenceLogProbs.Length != rows || rewards.Length != rows)
        {
            throw new ArgumentException($"every score column needs {rows} values, one per response");
        }
        Responses = responses;
        PolicyLogProbs = policyLogProbs;
        ReferenceLogProbs = referenceLogProbs;
        Rewards = rewards;
        LengthNormalised = lengthNormalised;
    }

    /// <summary>The scored responses.</summary>
    public ResponsesDataset Responses { get; }

    /// <summary>log pi(y|x) per response.</summary>
    public double[] PolicyLogProbs { get; }

    /// <summary>log pi_ref(y|x) per response.</summary>
    public double[] ReferenceLogProbs { get; }

    /// <summary>The implicit reward per response.</summary>
    public double[] Rewards { get; }

    /// <summary>Whether rewards are divided by the response length.</summary>
    public bool LengthNormalised { get; }

    /// <summary>The Parquet bytes.</summary>
    public Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var (columns, metadata) = Responses.Columns();
        columns.Add(new("policy_log_prob", PolicyLogProbs));
        columns.Add(new("reference_log_prob", ReferenceLogProbs));
        columns.Add(new("reward", Rewards));
        metadata["length_normalised"] = LengthNormalised ? "true" : "false";
        return ParquetTable.WriteAsync(Kind, Version, metadata, columns, cancellationToken);
    }

    /// <summary>Reads a scores dataset.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid scores dataset; the message says why.</exception>
    public static async Task<ScoresDataset> ReadAsync(byte[] bytes, CancellationToken cancellationToken) =>
        From(await ParquetTable.ReadAsync(bytes, Kind, Version, cancellationToken).ConfigureAwait(false));

    /// <summary>The scores of a table already known to be a scores dataset.</summary>
    internal static ScoresDataset From(ParquetTable table)
    {
        var responses = ResponsesDataset.From(table);
        double[] rewards = table.Double("reward");
        for (int row = 0; row < rewards.Length; row++)
        {
            if (!double.IsFinite(rewards[row])) throw new InvalidDataException($"row {row} has the reward {rewards[row]}: every reward must be finite");
        }
        string normalised = table.RequiredMetadata("length_normalised");
        if (normalised is not ("true" or "false")) throw new InvalidDataException($"its metadata 'length_normalised' is '{normalised}', not true or false");
        return new ScoresDataset(responses, table.Double("policy_log_prob"), table.Double("reference_log_prob"), rewards, normalised == "true");
    }
}
