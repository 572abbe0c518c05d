namespace PrefFlow.Activities.Artifacts;

/// <summary>
/// A private temporary folder for one execution: the learning core reads and writes checkpoint files by
/// path, so artifacts pass through here on their way to and from the artifact store. Removed on dispose.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("prefflow-activity-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a leftover temporary folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }
}
