using System.Globalization;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// Prompts drawn from one split of the task. Parquet columns, one row per prompt in order:
/// <c>prompt</c> (int32, 0-based row), <c>kind</c> (string), <c>digits</c> (string), <c>text</c> (string: the
/// prompt's tokens, e.g. "&lt;s&gt; reverse 3 1 4 |"). Metadata: <c>split</c>, and <c>max_response_tokens</c>, the
/// task's response limit, which sampling uses by default.
/// </summary>
public sealed class PromptsDataset
{
    /// <summary>The dataset kind written in the file.</summary>
    public const string Kind = "prompts";

    /// <summary>The schema version.</summary>
    public const int Version = 1;

    /// <summary>Prompts of the split <paramref name="split"/>, for a task whose responses have at most <paramref name="maxResponseTokens"/> tokens.</summary>
    public PromptsDataset(IReadOnlyList<Prompt> prompts, string split, int maxResponseTokens)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(split);
        Prompts = prompts;
        Split = split;
        MaxResponseTokens = maxResponseTokens;
    }

    /// <summary>The prompts, in row order.</summary>
    public IReadOnlyList<Prompt> Prompts { get; }

    /// <summary>The split they were drawn from, e.g. "train".</summary>
    public string Split { get; }

    /// <summary>The task's most tokens per response, EOS included.</summary>
    public int MaxResponseTokens { get; }

    /// <summary>The Parquet bytes.</summary>
    public Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var columns = PromptColumns.Write([.. Enumerable.Range(0, Prompts.Count)], Prompts).ToList();
        columns.Add(new("text", Prompts.Select(p => TokenText.Format(p.Tokens())).ToArray()));
        return ParquetTable.WriteAsync(Kind, Version, new Dictionary<string, string>
        {
            ["split"] = Split,
            ["max_response_tokens"] = MaxResponseTokens.ToString(CultureInfo.InvariantCulture),
        }, columns, cancellationToken);
    }

    /// <summary>Reads a prompts dataset.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid prompts dataset; the message says why.</exception>
    public static async Task<PromptsDataset> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var table = await ParquetTable.ReadAsync(bytes, Kind, Version, cancellationToken).ConfigureAwait(false);
        var (index, prompts) = PromptColumns.Read(table);
        for (int row = 0; row < index.Length; row++)
        {
            if (index[row] != row) throw new InvalidDataException($"row {row} has the prompt index {index[row]}: prompts are numbered by row from 0");
        }
        if (prompts.Length == 0) throw new InvalidDataException("it holds no prompts");
        int maxResponseTokens = table.RequiredMetadataInt("max_response_tokens");
        return new PromptsDataset(prompts, table.RequiredMetadata("split"), maxResponseTokens);
    }
}
