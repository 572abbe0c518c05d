namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// The host's choice of artifact store, as read from configuration (settable properties, so a configuration
/// section binds to it). <see cref="ToString"/> never shows the connection string.
/// </summary>
public sealed class ArtifactStoreOptions
{
    /// <summary>Which store: <see cref="ArtifactStoreKind.Folder"/> (the default) or <see cref="ArtifactStoreKind.AzureBlob"/>.</summary>
    public ArtifactStoreKind Kind { get; set; } = ArtifactStoreKind.Folder;

    /// <summary>The folder of a <see cref="ArtifactStoreKind.Folder"/> store; relative paths are against the current directory.</summary>
    public string? Path { get; set; }

    /// <summary>The storage account's connection string for an <see cref="ArtifactStoreKind.AzureBlob"/> store.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container of an <see cref="ArtifactStoreKind.AzureBlob"/> store; created if missing.</summary>
    public string? Container { get; set; }

    /// <summary>Optional prefix of the blob names of an <see cref="ArtifactStoreKind.AzureBlob"/> store (see <see cref="AzureBlobNames.NormalizePrefix"/>).</summary>
    public string? Prefix { get; set; }

    /// <summary>The kind and where it stores, without secrets.</summary>
    public override string ToString() => Kind switch
    {
        ArtifactStoreKind.Folder => $"Folder artifact store at \"{Path}\"",
        _ => $"{Kind} artifact store, container \"{Container}\", prefix \"{Prefix}\", connection string {(ConnectionString is null ? "not set" : "set (not shown)")}",
    };
}
