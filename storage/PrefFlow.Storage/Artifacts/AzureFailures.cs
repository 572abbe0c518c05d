using Azure;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// Turns the Azure SDK's failures into <see cref="ArtifactStoreException"/>, so that callers classify them
/// without depending on Azure types, and so that messages are ours: they name the container's endpoint (never
/// its query string, which may be a SAS token) and the operation, never a connection string or key.
/// </summary>
internal static class AzureFailures
{
    /// <summary>The store's failure for <paramref name="failure"/>, or null when it is not a failure of the service or network.</summary>
    public static ArtifactStoreException? Translate(Exception failure, string operation, string endpoint, CancellationToken cancellationToken)
    {
        string what = $"the Azure blob container {endpoint} failed to {operation}";
        switch (failure)
        {
            case ArtifactCorruptedException or ArtifactStoreException:
                return null;
            case RequestFailedException { Status: 0 } e:
                return new ArtifactStoreException($"{what}: no answer from the service ({Describe(e.InnerException ?? e)}).", true, 0, null, e);
            case RequestFailedException e:
                string code = string.IsNullOrEmpty(e.ErrorCode) ? "" : $" {e.ErrorCode}";
                return new ArtifactStoreException($"{what}: HTTP {e.Status}{code}.", IsTransientStatus(e.Status), e.Status, e.ErrorCode, e);
            case AggregateException e when e.InnerExceptions.Count > 0:
                // Azure.Core's retry policy gives up with every attempt's failure; the last one says the most.
                ArtifactStoreException? last = Translate(e.InnerExceptions[^1], operation, endpoint, cancellationToken);
                return last is null ? null : new ArtifactStoreException(
                    $"{what} after {e.InnerExceptions.Count} tries; the last: {last.Message}", last.IsTransient, last.Status, last.ErrorCode, e);
            case OperationCanceledException e when !cancellationToken.IsCancellationRequested:
                // The SDK cancels a request that exceeds its network timeout; the caller did not cancel.
                return new ArtifactStoreException($"{what}: the service did not answer in time.", true, 0, null, e);
            case HttpRequestException or IOException:
                return new ArtifactStoreException($"{what}: no answer from the service ({Describe(failure)}).", true, 0, null, failure);
            default:
                return null;
        }
    }

    /// <summary>Request timeout, throttling and server errors may pass; anything else will not.</summary>
    public static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or >= 500;

    private static string Describe(Exception e) => e is HttpRequestException or System.Net.Sockets.SocketException or IOException
        ? e.Message
        : e.GetType().Name;
}
