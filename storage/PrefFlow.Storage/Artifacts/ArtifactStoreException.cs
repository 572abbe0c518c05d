namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// A remote artifact store failed or could not be reached. <see cref="IsTransient"/> says whether trying again
/// later may succeed (timeouts, throttling, server errors, network failures) or not (authorization, a bad
/// request). The message names the endpoint and what failed, never credentials; the SDK's exception is the
/// inner exception.
/// </summary>
public sealed class ArtifactStoreException : IOException
{
    /// <summary>A failure of the store, described by <paramref name="message"/>.</summary>
    public ArtifactStoreException(string message, bool isTransient, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Whether the same call may succeed if tried again later.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status of the service's answer; 0 when there was none (network failure or timeout).</summary>
    public int Status { get; }

    /// <summary>The service's error code, such as "AuthenticationFailed"; null when it gave none.</summary>
    public string? ErrorCode { get; }
}
