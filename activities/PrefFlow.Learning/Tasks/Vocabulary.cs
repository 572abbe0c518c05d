namespace PrefFlow.Learning.Tasks;

/// <summary>
/// The token ids of the synthetic task: four control tokens, one token per instruction kind, and the
/// ten digits. A prompt is <c>BOS KIND d1..dn SEP</c>; a response is digits ended by <c>EOS</c>.
/// </summary>
public static class Vocabulary
{
    /// <summary>Padding; never produced by a trained policy, ignored by losses.</summary>
    public const int Pad = 0;
    /// <summary>Start of a prompt.</summary>
    public const int Bos = 1;
    /// <summary>End of a response.</summary>
    public const int Eos = 2;
    /// <summary>Separates the instruction from the response.</summary>
    public const int Sep = 3;

    private const int FirstKind = 4;
    private static readonly int KindCount = Enum.GetValues<InstructionKind>().Length;
    private static readonly int FirstDigit = FirstKind + KindCount;

    /// <summary>How many distinct tokens exist.</summary>
    public static int Size { get; } = FirstDigit + 10;

    /// <summary>The token of an instruction kind.</summary>
    public static int Kind(InstructionKind kind) => FirstKind + (int)kind;

    /// <summary>The token of the digit <paramref name="value"/> (0-9).</summary>
    public static int Digit(int value) => FirstDigit + value;

    /// <summary>The digit a token stands for, or -1 when it is not a digit token.</summary>
    public static int DigitValue(int token) => token >= FirstDigit && token < FirstDigit + 10 ? token - FirstDigit : -1;

    /// <summary>A readable form of a token sequence, for logs and reports (e.g. <c>reverse 1 2 3 |</c>).</summary>
    public static string Describe(ReadOnlySpan<int> tokens)
    {
        var parts = new List<string>(tokens.Length);
        foreach (int token in tokens)
        {
            parts.Add(token switch
            {
                Pad => "_",
                Bos => "<s>",
                Eos => "</s>",
                Sep => "|",
                _ when DigitValue(token) >= 0 => DigitValue(token).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when token >= FirstKind && token < FirstDigit => ((InstructionKind)(token - FirstKind)).ToString().ToLowerInvariant(),
                _ => $"?{token}",
            });
        }
        return string.Join(' ', parts);
    }
}
