using Azure.Storage.Blobs;

namespace PrefFlow.Storage.Artifacts;

/// <summary>Builds the container client for <see cref="AzureBlobArtifactStoreOptions"/>, keeping secrets out of every message.</summary>
internal static class AzureContainerClients
{
    public static BlobContainerClient Create(AzureBlobArtifactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (AzureBlobNames.ContainerNameError(options.ContainerName) is { } error) throw new ArgumentException(error, nameof(options));
        AzureBlobNames.NormalizePrefix(options.Prefix);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return new BlobContainerClient(options.ConnectionString, options.ContainerName, options.ClientOptions);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // The SDK's message may quote the string, which may hold an account key: neither it nor its exception goes on.
                throw new ArgumentException(
                    "the Azure storage connection string is not valid (not shown: it may hold an account key); expected " +
                    "\"UseDevelopmentStorage=true\" or \"DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=…\".",
                    nameof(options));
            }
        }
        if (options.ServiceUri is not { } service)
        {
            throw new ArgumentException("the Azure blob store needs a connection string or a service URI; neither is set.", nameof(options));
        }
        if (!service.IsAbsoluteUri || service.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException(
                $"the Azure blob service URI {service.GetLeftPart(UriPartial.Path)} is not valid: expected an absolute http(s) URI.", nameof(options));
        }
        var builder = new UriBuilder(service);
        builder.Path = builder.Path.TrimEnd('/') + "/" + options.ContainerName;
        return options.Credential is null
            ? new BlobContainerClient(builder.Uri, options.ClientOptions)
            : new BlobContainerClient(builder.Uri, options.Credential, options.ClientOptions);
    }
}
