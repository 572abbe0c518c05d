using System.Text.Json;
using PrefFlow.Host.Hosting;

namespace PrefFlow.Host.Sweeps;

/// <summary>
/// What a sweep's folder remembers (its 'sweep.json'): the spec and its runs, so that 'prefflow report' can find the
/// results again without the sweep file or its definitions.
/// </summary>
internal sealed record SweepManifest(SweepSpec Spec, IReadOnlyList<SweepMember> Runs)
{
    public const string FileName = "sweep.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The folder of a named sweep in a data folder.</summary>
    public static string Folder(string dataFolder, string name) => Path.Combine(dataFolder, "sweeps", name);

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, FileName);
        // Written aside and moved, so that a killed sweep never leaves half a manifest.
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(this, Options), cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <exception cref="UserInputException">The folder has no readable manifest.</exception>
    public static SweepManifest Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new UserInputException($"'{folder}' is not a sweep's folder: it has no {FileName}.");
        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(path), Options)
                ?? throw new UserInputException($"'{path}' is empty.");
        }
        catch (JsonException error)
        {
            throw new UserInputException($"'{path}' is not a sweep manifest: {error.Message}");
        }
    }
}
