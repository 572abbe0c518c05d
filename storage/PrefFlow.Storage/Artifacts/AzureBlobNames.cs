namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// Blob names of the Azure artifact store: "{prefix/}sha256/ab/cd/abcd…", built only from a valid hash, and the
/// Azure rules for container names and the store's own rules for prefixes.
/// </summary>
public static class AzureBlobNames
{
    /// <summary>The folder, under the prefix, that holds every content blob.</summary>
    public const string ContentFolder = "sha256/";

    /// <summary>The longest prefix accepted.</summary>
    public const int MaxPrefixLength = 256;

    /// <summary>
    /// The name of the blob whose content hashes to <paramref name="sha256"/>, under <paramref name="prefix"/>
    /// (checked and normalized by <see cref="NormalizePrefix"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="sha256"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not a valid hash or <paramref name="prefix"/> is not valid.</exception>
    public static string BlobName(string? prefix, string sha256)
    {
        ArtifactRef.ThrowIfInvalidHash(sha256);
        return $"{NormalizePrefix(prefix)}{ContentFolder}{sha256[..2]}/{sha256[2..4]}/{sha256}";
    }

    /// <summary>The hash whose content blob under <paramref name="prefix"/> is <paramref name="blobName"/>, or null when it is any other name.</summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not valid.</exception>
    public static string? HashOf(string? prefix, string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        string normalized = NormalizePrefix(prefix);
        int start = normalized.Length + ContentFolder.Length + 6;
        if (blobName.Length != start + ArtifactRef.HashLength) return null;
        string sha256 = blobName[start..];
        return ArtifactRef.IsValidHash(sha256) && blobName == BlobName(normalized, sha256) ? sha256 : null;
    }

    /// <summary>Why <paramref name="name"/> is not a valid Azure container name, or null when it is.</summary>
    public static string? ContainerNameError(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "the Azure container name is empty: expected 3 to 63 lower-case letters, digits and hyphens.";
        bool valid = name.Length is >= 3 and <= 63
            && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);
        return valid ? null : $"the Azure container name \"{Shown(name)}\" is not valid: a container name has 3 to 63 lower-case " +
            "letters, digits and hyphens, starts and ends with a letter or digit and has no two hyphens in a row.";
    }

    /// <summary>
    /// <paramref name="prefix"/> ready to put in front of blob names: "" for none, otherwise ending in '/'. A prefix
    /// is segments of lower-case letters, digits, '-', '_' and '.' separated by '/', none of them "." or ".." (which
    /// URIs would resolve away); one trailing '/' is allowed, so a normalized prefix normalizes to itself.
    /// </summary>
    /// <exception cref="ArgumentException">The prefix is not valid.</exception>
    public static string NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix)) return "";
        string trimmed = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        bool valid = prefix.Length <= MaxPrefixLength && trimmed.Length > 0 && trimmed.Split('/').All(segment =>
            segment.Length > 0 && segment is not ("." or "..")
            && segment.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'));
        if (!valid)
        {
            throw new ArgumentException(
                $"the Azure blob prefix \"{Shown(prefix)}\" is not valid: expected segments of lower-case letters, digits, '-', '_' " +
                $"and '.' separated by '/' (not \".\" or \"..\", no empty segment, no leading '/'), in at most {MaxPrefixLength} characters.",
                nameof(prefix));
        }
        return trimmed + "/";
    }

    private static string Shown(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
