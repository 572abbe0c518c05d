using System.Security.Cryptography;
using System.Text;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Security;

/// <summary>
/// Makes and checks API keys. A key is "pf_" and 43 characters of base64url (256 random bits); the store keeps only
/// its SHA-256. A plain hash suffices (no key stretching): the secret is random, not a password someone chose.
/// </summary>
internal static class ApiKeys
{
    private const string Prefix = "pf_";

    /// <summary>A new key with its stored record; the secret is shown once and never stored.</summary>
    public static (string Secret, ApiKeyRecord Record) Create(string name, Role role, DateTimeOffset now)
    {
        string secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        string id = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return (secret, new ApiKeyRecord(id, name, Policies.Name(role), Hash(secret), now));
    }

    /// <summary>The SHA-256 of the key, as the store keeps it.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether the text has a key's shape, checked before touching the store.</summary>
    public static bool LooksLikeKey(string text) =>
        text.Length == Prefix.Length + 43 && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>The role a name stands for ("operator"), or null.</summary>
    public static Role? ParseRole(string? name) =>
        Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(role => Policies.Name(role!.Value) == name?.Trim().ToLowerInvariant());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
