using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Rewards;

/// <summary>
/// A response read the way the reward models read it: the tokens before the first EOS, and whether
/// an EOS came at all.
/// </summary>
public readonly record struct ParsedResponse(int[] Body, bool Terminated)
{
    /// <summary>Parses generated tokens (anything after the first EOS is ignored).</summary>
    public static ParsedResponse Parse(ReadOnlySpan<int> tokens)
    {
        int end = tokens.IndexOf(Vocabulary.Eos);
        return new ParsedResponse((end < 0 ? tokens : tokens[..end]).ToArray(), end >= 0);
    }

    /// <summary>The body's digit values, with -1 for tokens that are not digits.</summary>
    public int[] Digits() => [.. Body.Select(Vocabulary.DigitValue)];
}
