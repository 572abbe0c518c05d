using PrefFlow.Host.Hosting;

namespace PrefFlow.Host.Sweeps;

/// <summary>A sweep's name names a folder and prefixes nothing else: lower-case letters, digits and dashes, at most 60.</summary>
internal static class SweepNames
{
    public const int MaxLength = 60;

    /// <exception cref="UserInputException">The name is not allowed; <paramref name="what"/> says where it came from.</exception>
    public static void Check(string name, string what)
    {
        bool valid = name.Length is > 0 and <= MaxLength && char.IsAsciiLetterOrDigit(name[0])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        if (!valid) throw new UserInputException($"{what} '{name}' must be 1-{MaxLength} lower-case letters, digits and dashes, starting with a letter or digit.");
    }
}
