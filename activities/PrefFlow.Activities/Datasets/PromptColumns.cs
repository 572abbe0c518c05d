using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// The columns every dataset uses to name its prompt: "prompt" (int32, the row of the prompt in the
/// prompts dataset it came from, 0-based), "kind" (the instruction kind, e.g. "reverse") and "digits"
/// (the instruction's digits as one string, e.g. "31415"). Kind and digits rebuild the prompt, so each
/// dataset can be judged by the gold reward model on its own.
/// </summary>
internal static class PromptColumns
{
    public static string Kind(InstructionKind kind) => kind.ToString().ToLowerInvariant();

    public static string Digits(int[] digits) => string.Concat(digits.Select(d => (char)('0' + d)));

    public static IEnumerable<ParquetTable.Column> Write(IReadOnlyList<int> promptIndex, IReadOnlyList<Prompt> prompts) =>
    [
        new("prompt", promptIndex.ToArray()),
        new("kind", prompts.Select(p => Kind(p.Kind)).ToArray()),
        new("digits", prompts.Select(p => Digits(p.Digits)).ToArray()),
    ];

    /// <summary>The prompt rows of a table: (index, prompt) per row.</summary>
    public static (int[] Index, Prompt[] Prompts) Read(ParquetTable table)
    {
        int[] index = table.Int32("prompt");
        string[] kinds = table.String("kind");
        string[] digits = table.String("digits");
        var prompts = new Prompt[table.RowCount];
        for (int row = 0; row < prompts.Length; row++)
        {
            if (index[row] < 0) throw new InvalidDataException($"row {row} has the negative prompt index {index[row]}");
            if (!Enum.TryParse(kinds[row], ignoreCase: true, out InstructionKind kind) || !Enum.IsDefined(kind) || int.TryParse(kinds[row], out _))
            {
                throw new InvalidDataException($"row {row} has the unknown instruction kind '{kinds[row]}'");
            }
            string text = digits[row];
            if (text.Length < 2 || text.Any(c => c is < '0' or > '9'))
            {
                throw new InvalidDataException($"row {row} has the digits '{text}': expected at least two digits 0-9");
            }
            prompts[row] = new Prompt(kind, [.. text.Select(c => c - '0')]);
        }
        return (index, prompts);
    }

    /// <summary>A token column parsed back to ids.</summary>
    public static int[][] Tokens(ParquetTable table, string column)
    {
        string[] text = table.String(column);
        var tokens = new int[text.Length][];
        for (int row = 0; row < text.Length; row++)
        {
            tokens[row] = TokenText.TryParse(text[row]) ?? throw new InvalidDataException($"row {row} of column '{column}' is not a token sequence: '{text[row]}'");
        }
        return tokens;
    }
}
