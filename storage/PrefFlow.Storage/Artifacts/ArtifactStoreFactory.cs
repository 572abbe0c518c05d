namespace PrefFlow.Storage.Artifacts;

/// <summary>Makes the <see cref="IArtifactStore"/> that <see cref="ArtifactStoreOptions"/> describe, ready to use.</summary>
public static class ArtifactStoreFactory
{
    /// <summary>
    /// The store <paramref name="options"/> describe. An Azure store's container is created if missing, so a wrong
    /// account or key fails here rather than at the first put.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option the kind needs is missing or not valid; the message names it.</exception>
    /// <exception cref="ArtifactStoreException">The Azure service refused or could not be reached.</exception>
    public static async Task<IArtifactStore> CreateAsync(ArtifactStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Kind)
        {
            case ArtifactStoreKind.Folder:
                return new LocalFolderArtifactStore(Required(options.Path, nameof(options.Path), options.Kind));
            case ArtifactStoreKind.AzureBlob:
                string connectionString = Required(options.ConnectionString, nameof(options.ConnectionString), options.Kind);
                string container = Required(options.Container, nameof(options.Container), options.Kind);
                if (AzureBlobNames.ContainerNameError(container) is { } containerError) throw Invalid(nameof(options.Container), containerError);
                try
                {
                    AzureBlobNames.NormalizePrefix(options.Prefix);
                }
                catch (ArgumentException e)
                {
                    throw Invalid(nameof(options.Prefix), e.Message);
                }
                AzureBlobArtifactStore store;
                try
                {
                    store = new AzureBlobArtifactStore(new AzureBlobArtifactStoreOptions
                    {
                        ConnectionString = connectionString,
                        ContainerName = container,
                        Prefix = options.Prefix,
                    });
                }
                catch (ArgumentException e)
                {
                    throw Invalid(nameof(options.ConnectionString), e.Message);
                }
                await store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                return store;
            default:
                throw new ArgumentException(
                    $"the artifact store option \"{nameof(options.Kind)}\" is {(int)options.Kind}, which is not a kind of store: " +
                    $"expected {string.Join(" or ", Enum.GetNames<ArtifactStoreKind>())}.", nameof(options));
        }
    }

    private static string Required(string? value, string option, ArtifactStoreKind kind) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"the artifact store option \"{option}\" is required when \"Kind\" is {kind}, but it is not set.", "options")
            : value;

    private static ArgumentException Invalid(string option, string why) =>
        new($"the artifact store option \"{option}\" is not valid: {why}", "options");
}
