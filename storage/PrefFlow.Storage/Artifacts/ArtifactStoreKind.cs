namespace PrefFlow.Storage.Artifacts;

/// <summary>Which <see cref="IArtifactStore"/> <see cref="ArtifactStoreFactory"/> makes.</summary>
public enum ArtifactStoreKind
{
    /// <summary>A <see cref="LocalFolderArtifactStore"/> in <see cref="ArtifactStoreOptions.Path"/>.</summary>
    Folder,

    /// <summary>An <see cref="AzureBlobArtifactStore"/> in <see cref="ArtifactStoreOptions.Container"/>.</summary>
    AzureBlob,
}
