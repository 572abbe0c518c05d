using System.Globalization;

namespace PrefFlow.Storage.Artifacts;

/// <summary>A stored blob does not match its reference: it is missing, truncated, too long or hashes differently.</summary>
public sealed class ArtifactCorruptedException : IOException
{
    /// <summary>An error about the blob <paramref name="sha256"/>.</summary>
    public ArtifactCorruptedException(string sha256, ArtifactCorruption corruption, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Sha256 = sha256;
        Corruption = corruption;
    }

    /// <summary>The hash of the blob that is wrong.</summary>
    public string Sha256 { get; }

    /// <summary>What is wrong with it.</summary>
    public ArtifactCorruption Corruption { get; }

    /// <summary>The blob <paramref name="sha256"/> is not stored.</summary>
    public static ArtifactCorruptedException Missing(string sha256, Exception? innerException = null) =>
        new(sha256, ArtifactCorruption.Missing, $"the artifact {sha256} is missing: no blob with that hash is stored.", innerException);

    /// <summary>The blob ends after <paramref name="actual"/> of its <paramref name="expected"/> bytes.</summary>
    public static ArtifactCorruptedException Truncated(string sha256, long expected, long actual) =>
        new(sha256, ArtifactCorruption.Truncated,
            $"the artifact {sha256} is truncated: expected {Bytes(expected)}, but the blob ends after {Bytes(actual)}.");

    /// <summary>The blob has more than its <paramref name="expected"/> bytes; <paramref name="actual"/> is how many were seen.</summary>
    public static ArtifactCorruptedException WrongLength(string sha256, long expected, long actual) =>
        new(sha256, ArtifactCorruption.WrongLength,
            $"the artifact {sha256} has the wrong length: expected {Bytes(expected)}, but the blob has at least {Bytes(actual)}.");

    /// <summary>The blob's content hashes to <paramref name="actualSha256"/>.</summary>
    public static ArtifactCorruptedException WrongHash(string sha256, string actualSha256) =>
        new(sha256, ArtifactCorruption.WrongHash,
            $"the artifact {sha256} is corrupt: its content hashes to {actualSha256}, not to its name.");

    private static string Bytes(long count) => count == 1 ? "1 byte" : count.ToString(CultureInfo.InvariantCulture) + " bytes";
}
