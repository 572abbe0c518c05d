namespace PrefFlow.Learning.Tasks;

/// <summary>One instruction of the synthetic task: a kind applied to a short sequence of digits.</summary>
public sealed record Prompt(InstructionKind Kind, int[] Digits)
{
    /// <summary>The prompt's tokens: <c>BOS KIND d1..dn SEP</c>.</summary>
    public int[] Tokens()
    {
        var tokens = new int[Digits.Length + 3];
        tokens[0] = Vocabulary.Bos;
        tokens[1] = Vocabulary.Kind(Kind);
        for (int i = 0; i < Digits.Length; i++) tokens[i + 2] = Vocabulary.Digit(Digits[i]);
        tokens[^1] = Vocabulary.Sep;
        return tokens;
    }

    /// <summary>The correct answer's digits (without EOS).</summary>
    public int[] TargetDigits() => Kind switch
    {
        InstructionKind.Copy => [.. Digits],
        InstructionKind.Reverse => [.. Digits.Reverse()],
        InstructionKind.Sort => [.. Digits.Order()],
        InstructionKind.Increment => [.. Digits.Select(d => (d + 1) % 10)],
        InstructionKind.Rotate => [.. Digits.Skip(1), Digits[0]],
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown instruction kind"),
    };

    /// <summary>
    /// A plausible systematic mistake for this kind, of the same length as the answer: copy swaps
    /// the last two digits, reverse leaves the first digit in place, sort descends, increment leaves
    /// 9 unchanged, rotate turns right. Demonstrators make it at <see cref="TaskOptions.SlipRate"/>.
    /// </summary>
    public int[] SlipDigits() => Kind switch
    {
        InstructionKind.Copy => [.. Digits[..^2], Digits[^1], Digits[^2]],
        InstructionKind.Reverse => [Digits[0], .. Digits[1..].Reverse()],
        InstructionKind.Sort => [.. Digits.OrderDescending()],
        InstructionKind.Increment => [.. Digits.Select(d => d == 9 ? 9 : d + 1)],
        InstructionKind.Rotate => [Digits[^1], .. Digits[..^1]],
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown instruction kind"),
    };

    /// <summary>The correct response's tokens: the target digits followed by EOS.</summary>
    public int[] TargetTokens() => [.. TargetDigits().Select(Vocabulary.Digit), Vocabulary.Eos];

    /// <summary>A stable 64-bit fingerprint of the prompt's content, used to keep splits disjoint.</summary>
    public ulong Fingerprint()
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (int token in Tokens()) hash = (hash ^ (ulong)token) * 0x100000001B3UL;
        return Randomness.SeededRandom.Mix(hash);
    }

    /// <inheritdoc />
    public override string ToString() => Vocabulary.Describe(Tokens());

    /// <inheritdoc />
    public bool Equals(Prompt? other) => other is not null && Kind == other.Kind && Digits.AsSpan().SequenceEqual(other.Digits);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Fingerprint();
}
