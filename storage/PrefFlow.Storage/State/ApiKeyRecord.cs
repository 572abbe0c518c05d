namespace PrefFlow.Storage.State;

/// <summary>An API key as stored: never the key itself, only its SHA-256, so a leaked database leaks no key.</summary>
/// <param name="Id">A short public id naming the key in listings and logs, e.g. "k3f9a0c1".</param>
/// <param name="Name">What the key is for, given by whoever created it.</param>
/// <param name="Role">The role it grants (the host knows the roles; the store keeps the name).</param>
/// <param name="Sha256">The SHA-256 of the secret key, 64 lower-case hex digits.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while it is valid.</param>
public sealed record ApiKeyRecord(string Id, string Name, string Role, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null);
