namespace PrefFlow.Storage.State;

/// <summary>A published workflow definition: (id, version) names exactly one JSON text, forever.</summary>
/// <param name="Id">The definition's id.</param>
/// <param name="Version">Its version, at least 1.</param>
/// <param name="Name">Its human-readable name.</param>
/// <param name="Json">The definition's JSON text, exactly as published.</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Json"/> in UTF-8, 64 lower-case hex digits.</param>
/// <param name="PublishedAt">When it was first published.</param>
public sealed record DefinitionRecord(string Id, int Version, string Name, string Json, string Sha256, DateTimeOffset PublishedAt)
{
    /// <summary>The <see cref="Sha256"/> of a definition's JSON text: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
    public static string HashOf(string json) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
}
