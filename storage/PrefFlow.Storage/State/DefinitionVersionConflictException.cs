namespace PrefFlow.Storage.State;

/// <summary>A definition's (id, version) is already published with different content; published versions never change.</summary>
public sealed class DefinitionVersionConflictException : InvalidOperationException
{
    /// <summary>An error for the definition <paramref name="id"/> at <paramref name="version"/>.</summary>
    public DefinitionVersionConflictException(string id, int version, string publishedSha256)
        : base($"the definition '{id}' version {version} is already published with different content " +
               $"(sha256 {publishedSha256}); published versions never change: give the definition a new version.")
    {
        Id = id;
        Version = version;
        PublishedSha256 = publishedSha256;
    }

    /// <summary>The definition's id.</summary>
    public string Id { get; }

    /// <summary>The version that is already published.</summary>
    public int Version { get; }

    /// <summary>The SHA-256 of the published content.</summary>
    public string PublishedSha256 { get; }
}
