namespace PrefFlow.Storage.State;

/// <summary>The API keys of a server, stored hashed. Every method is atomic on its own.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key.</summary>
    /// <exception cref="InvalidOperationException">A key with the same id or hash exists.</exception>
    Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>The key whose secret hashes to <paramref name="sha256"/>, revoked or not, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes the key <paramref name="id"/>; false when no valid key has the id.</summary>
    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
