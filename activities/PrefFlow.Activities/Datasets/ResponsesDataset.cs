using System.Globalization;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// N sampled responses for each of M prompts. Parquet columns, M x N rows, prompt-major:
/// <c>prompt</c>, <c>kind</c>, <c>digits</c> (see the prompts dataset), <c>response</c> (int32, 0..N-1 within the
/// prompt), <c>tokens</c> (string: the response's tokens in text form, e.g. "3 1 4 &lt;/s&gt;"), <c>length</c>
/// (int32, tokens including EOS). Metadata: <c>responses_per_prompt</c>.
/// </summary>
public sealed class ResponsesDataset
{
    /// <summary>The dataset kind written in the file.</summary>
    public const string Kind = "responses";

    /// <summary>The schema version.</summary>
    public const int Version = 1;

    /// <summary>Responses <paramref name="responses"/>[p][j] to <paramref name="prompts"/>[p].</summary>
    public ResponsesDataset(IReadOnlyList<Prompt> prompts, IReadOnlyList<int[][]> responses)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(responses);
        if (prompts.Count != responses.Count) throw new ArgumentException($"{prompts.Count} prompts but {responses.Count} response lists");
        if (prompts.Count == 0) throw new ArgumentException("there are no prompts", nameof(prompts));
        int n = responses[0].Length;
        if (n < 1 || responses.Any(r => r.Length != n)) throw new ArgumentException("every prompt needs the same number (at least 1) of responses", nameof(responses));
        Prompts = prompts;
        Responses = responses;
    }

    /// <summary>The prompts (M), in the order of the prompts dataset.</summary>
    public IReadOnlyList<Prompt> Prompts { get; }

    /// <summary>Responses[p][j]: the tokens of response j to prompt p.</summary>
    public IReadOnlyList<int[][]> Responses { get; }

    /// <summary>Responses per prompt (N).</summary>
    public int ResponsesPerPrompt => Responses[0].Length;

    /// <summary>Every response, prompt-major: response j of prompt p at p * N + j.</summary>
    public IEnumerable<int[]> Flat() => Responses.SelectMany(r => r);

    /// <summary>The columns and metadata shared with the scores dataset.</summary>
    internal (List<ParquetTable.Column> Columns, Dictionary<string, string> Metadata) Columns()
    {
        int n = ResponsesPerPrompt;
        int rows = Prompts.Count * n;
        var promptIndex = new int[rows];
        var prompts = new Prompt[rows];
        var response = new int[rows];
        for (int p = 0; p < Prompts.Count; p++)
        for (int j = 0; j < n; j++)
        {
            promptIndex[p * n + j] = p;
            prompts[p * n + j] = Prompts[p];
            response[p * n + j] = j;
        }
        var columns = PromptColumns.Write(promptIndex, prompts).ToList();
        columns.Add(new("response", response));
        columns.Add(new("tokens", Flat().Select(t => TokenText.Format(t)).ToArray()));
        columns.Add(new("length", Flat().Select(t => t.Length).ToArray()));
        return (columns, new Dictionary<string, string> { ["responses_per_prompt"] = n.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>The Parquet bytes.</summary>
    public Task<byte[]> WriteAsync(CancellationToken cancellationToken)
    {
        var (columns, metadata) = Columns();
        return ParquetTable.WriteAsync(Kind, Version, metadata, columns, cancellationToken);
    }

    /// <summary>Reads a responses dataset.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid responses dataset; the message says why.</exception>
    public static async Task<ResponsesDataset> ReadAsync(byte[] bytes, CancellationToken cancellationToken) =>
        From(await ParquetTable.ReadAsync(bytes, Kind, Version, cancellationToken).ConfigureAwait(false));

    /// <summary>The responses of a table with the response columns (a responses or scores dataset).</summary>
    internal static ResponsesDataset From(ParquetTable table)
    {
        int n = table.RequiredMetadataInt("responses_per_prompt");
        if (n < 1) throw new InvalidDataException("its metadata 'responses_per_prompt' must be at least 1");
        if (table.RowCount == 0 || table.RowCount % n != 0)
        {
            throw new InvalidDataException($"it has {table.RowCount} rows, which is not a positive multiple of its {n} responses per prompt");
        }
        var (index, prompts) = PromptColumns.Read(table);
        int[] response = table.Int32("response");
        int[] length = table.Int32("length");
        int[][] tokens = PromptColumns.Tokens(table, "tokens");
        int m = table.RowCount / n;
        var promptList = new Prompt[m];
        var responses = new int[m][][];
        for (int p = 0; p < m; p++)
        {
            promptList[p] = prompts[p * n];
            responses[p] = new int[n][];
            for (int j = 0; j < n; j++)
            {
                int row = p * n + j;
                if (index[row] != p || response[row] != j)
                {
                    throw new InvalidDataException($"row {row} is (prompt {index[row]}, response {response[row]}); expected (prompt {p}, response {j}): rows are prompt-major, N per prompt");
                }
                if (!prompts[row].Equals(promptList[p])) throw new InvalidDataException($"row {row} names another instruction than the other responses of prompt {p}");
                if (length[row] != tokens[row].Length) throw new InvalidDataException($"row {row} has length {length[row]} but {tokens[row].Length} tokens");
                responses[p][j] = tokens[row];
            }
        }
        return new ResponsesDataset(promptList, responses);
    }
}
