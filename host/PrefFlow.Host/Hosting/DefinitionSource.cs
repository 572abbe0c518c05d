namespace PrefFlow.Host.Hosting;

/// <summary>
/// Reads a definition named on the command line: a JSON file's path, or the name of a built-in definition
/// (e.g. "budget-decrease", shipped in the definitions folder next to the program).
/// </summary>
internal static class DefinitionSource
{
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "definitions");

    /// <summary>Every built-in definition's name.</summary>
    public static IEnumerable<string> BuiltInNames =>
        Directory.Exists(BuiltInFolder)
            ? Directory.EnumerateFiles(BuiltInFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!
            : [];

    /// <exception cref="UserInputException">The file does not exist or cannot be read, naming it.</exception>
    public static string Read(string argument)
    {
        string path = argument;
        if (!File.Exists(path) && IsBareName(argument))
        {
            string builtIn = Path.Combine(BuiltInFolder, argument + ".json");
            if (File.Exists(builtIn)) path = builtIn;
        }
        if (!File.Exists(path))
        {
            string names = string.Join(", ", BuiltInNames);
            throw new UserInputException(Directory.Exists(path)
                ? $"definition '{argument}' is a folder, not a JSON file."
                : $"definition '{argument}' not found: give a JSON file's path or a built-in definition ({names}).");
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"definition '{argument}' cannot be read: {error.Message}");
        }
    }

    private static bool IsBareName(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
