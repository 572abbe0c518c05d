using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// A node's seed: a fixed hash of the run's seed and the node's path, so it depends on nothing else (not the order
/// nodes ran in, not the attempt, not the process) and a resumed run draws exactly what an uninterrupted one drew.
/// </summary>
public static class NodeSeed
{
    /// <summary>The seed of the node at <paramref name="nodePath"/> in a run seeded with <paramref name="runSeed"/>.</summary>
    public static ulong Derive(ulong runSeed, string nodePath)
    {
        ArgumentNullException.ThrowIfNull(nodePath);
        byte[] path = Encoding.UTF8.GetBytes(nodePath);
        byte[] message = new byte[8 + path.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(message, runSeed);
        path.CopyTo(message, 8);
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(message));
    }
}
