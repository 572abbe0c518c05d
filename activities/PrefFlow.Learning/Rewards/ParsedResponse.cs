using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Rewards;

/// <summary>
/// A response read the way the reward models read it: the tokens before the first EOS, whether an
/// EOS came at all, and how many of those tokens are not digits.
/// </summary>
public readonly record struct ParsedResponse(int[] Body, bool Terminated, int NonDigits)
{
    /// <summary>Parses generated tokens (anything after the first EOS is ignored).</summary>
    public static ParsedResponse Parse(ReadOnlySpan<int> tokens)
    {
        int end = tokens.IndexOf(Vocabulary.Eos);
        var body = (end < 0 ? tokens : tokens[..end]).ToArray();
        int nonDigits = 0;
        foreach (int token in body) if (Vocabulary.DigitValue(token) < 0) nonDigits++;
        return new ParsedResponse(body, end >= 0, nonDigits);
    }

    /// <summary>The body's digit values, with -1 for tokens that are not digits.</summary>
    public int[] Digits() => [.. Body.Select(Vocabulary.DigitValue)];
}
