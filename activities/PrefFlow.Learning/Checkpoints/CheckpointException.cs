namespace PrefFlow.Learning.Checkpoints;

/// <summary>A checkpoint file is missing, truncated, altered or of an unknown format.</summary>
public sealed class CheckpointException(string path, string reason)
    : IOException($"checkpoint '{path}': {reason}")
{
    /// <summary>The file concerned.</summary>
    public string Path { get; } = path;

    /// <summary>Why it cannot be used.</summary>
    public string Reason { get; } = reason;
}
