using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// Where an <see cref="AzureBlobArtifactStore"/> keeps its blobs: an account given by <see cref="ConnectionString"/>,
/// or by <see cref="ServiceUri"/> with <see cref="Credential"/>, a container and an optional prefix inside it.
/// <see cref="ToString"/> never shows the connection string, which may hold an account key.
/// </summary>
public sealed class AzureBlobArtifactStoreOptions
{
    /// <summary>The storage account's connection string, such as "UseDevelopmentStorage=true"; or set <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint, such as "https://account.blob.core.windows.net"; used with <see cref="Credential"/> when there is no connection string.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The credential for <see cref="ServiceUri"/>; null when the URI carries a SAS token.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The container: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public string ContainerName { get; set; } = "";

    /// <summary>
    /// Optional folder-like prefix of every blob name, such as "prefflow/dev": segments of lower-case letters,
    /// digits, '-', '_' and '.' separated by '/'. Stores with different prefixes can share a container.
    /// </summary>
    public string? Prefix { get; set; }

    /// <summary>The folder where puts buffer content while hashing it; null for the system's temporary folder.</summary>
    public string? TemporaryFolder { get; set; }

    /// <summary>
    /// Block sizes and parallelism of uploads; the default is the SDK's (one request up to 256 MiB, larger content
    /// in staged blocks). Either way a blob becomes visible only when complete.
    /// </summary>
    public StorageTransferOptions TransferOptions { get; set; }

    /// <summary>Retry, timeout and transport settings for the Azure client; null for the SDK's defaults.</summary>
    public BlobClientOptions? ClientOptions { get; set; }

    /// <summary>The account, container and prefix, without secrets.</summary>
    public override string ToString()
    {
        string account = ConnectionString is not null ? "connection string (not shown)" : ServiceUri?.GetLeftPart(UriPartial.Path) ?? "no account";
        return $"Azure blob container \"{ContainerName}\" in {account}, prefix \"{Prefix}\"";
    }
}
