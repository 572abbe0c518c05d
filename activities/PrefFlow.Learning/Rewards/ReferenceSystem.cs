using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Rewards;

/// <summary>
/// The fixed reference system of the win rate (GPT-4's outputs in the paper's AlpacaEval setup).
/// It is stronger than pi^0 but not perfect: it answers exactly, except that on a fixed share of
/// prompts one digit is wrong. It never pads, so it does not play the gold RM's length bias. Its
/// output for a prompt depends only on the prompt's content, so every evaluation sees the same one.
/// </summary>
public sealed class ReferenceSystem
{
    private readonly ReferenceSystemOptions _options;

    /// <summary>Creates the reference system.</summary>
    public ReferenceSystem(ReferenceSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The reference response (tokens, EOS included) for <paramref name="prompt"/>.</summary>
    public int[] Respond(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        int[] digits = prompt.TargetDigits();
        var random = new SeededRandom(Seeds.Derive(prompt.Fingerprint(), "reference-system"));
        if (random.NextDouble() < _options.ErrorRate)
        {
            int position = random.NextInt(digits.Length);
            digits[position] = (digits[position] + 1 + random.NextInt(9)) % 10;
        }
        return [.. digits.Select(Vocabulary.Digit), Vocabulary.Eos];
    }
}
