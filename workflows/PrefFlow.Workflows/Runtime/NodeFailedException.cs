namespace PrefFlow.Workflows.Runtime;

/// <summary>A node failed for good (permanently, or out of attempts); the message is the run's error.</summary>
internal sealed class NodeFailedException(string nodePath, string message) : Exception(message)
{
    public string NodePath { get; } = nodePath;
}
