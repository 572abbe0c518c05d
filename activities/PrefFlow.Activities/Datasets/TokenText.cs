using System.Globalization;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// Token sequences in datasets are stored as the task's readable text form, one token per
/// space-separated word: digits "0".."9", instruction kinds by name ("reverse"), "&lt;s&gt;" (BOS),
/// "&lt;/s&gt;" (EOS), "|" (SEP), "_" (PAD) and "?N" for any other token id N. A response "3 1 4 &lt;/s&gt;"
/// reads as it looks in pandas or DuckDB, and parses back to exactly the same ids.
/// </summary>
public static class TokenText
{
    private static readonly Dictionary<string, int> Words = BuildWords();

    /// <summary>The text form of <paramref name="tokens"/> ("" for none).</summary>
    public static string Format(ReadOnlySpan<int> tokens) => tokens.IsEmpty ? "" : Vocabulary.Describe(tokens);

    /// <summary>The token ids written by <see cref="Format"/>, or null when <paramref name="text"/> has a word that is not a token.</summary>
    public static int[]? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tokens = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (Words.TryGetValue(words[i], out int token)) tokens[i] = token;
            else if (words[i].StartsWith('?') && int.TryParse(words[i].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out token)) tokens[i] = token;
            else return null;
        }
        return tokens;
    }

    private static Dictionary<string, int> BuildWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int token = 0; token < Vocabulary.Size; token++) words[Vocabulary.Describe([token])] = token;
        return words;
    }
}
