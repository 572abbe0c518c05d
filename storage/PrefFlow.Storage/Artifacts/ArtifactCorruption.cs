namespace PrefFlow.Storage.Artifacts;

/// <summary>What is wrong with a stored blob.</summary>
public enum ArtifactCorruption
{
    /// <summary>No blob with the hash is stored.</summary>
    Missing,

    /// <summary>The blob ends before the reference's length.</summary>
    Truncated,

    /// <summary>The blob is longer than the reference's length.</summary>
    WrongLength,

    /// <summary>The blob has the right length but its content hashes to something else.</summary>
    WrongHash,
}
