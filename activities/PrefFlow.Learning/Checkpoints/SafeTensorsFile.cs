using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Learning.Checkpoints;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw data) so that PyTorch tooling can
/// load PrefFlow's checkpoints. PrefFlow adds a <c>format</c>, a <c>format_version</c> and a
/// <c>content_sha256</c> (over the other metadata, the tensor index and the data) to the header's <c>__metadata__</c>, and
/// refuses a file whose content no longer matches it.
/// </summary>
public static class SafeTensorsFile
{
    private const string MetadataKey = "__metadata__";
    private const string HashKey = "content_sha256";
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>Writes the tensors and metadata to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void Write(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var ordered = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var header = new JsonObject();
        var meta = new JsonObject();
        foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal)) meta[key] = value;
        meta[HashKey] = ContentHash(ordered, metadata);
        header[MetadataKey] = meta;
        long offset = 0;
        foreach (var tensor in ordered)
        {
            header[tensor.Name] = new JsonObject
            {
                ["dtype"] = tensor.DType,
                ["shape"] = new JsonArray([.. tensor.Shape.Select(s => (JsonNode)s)]),
                ["data_offsets"] = new JsonArray(offset, offset + tensor.Data.Length),
            };
            offset += tensor.Data.Length;
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8; // the format allows trailing spaces; alignment helps mmap readers
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        string temporary = path + ".tmp-" + Environment.ProcessId;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var tensor in ordered) stream.Write(tensor.Data);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads and verifies a file written by <see cref="Write"/>.</summary>
    /// <exception cref="CheckpointException">The file is missing, truncated, altered or malformed.</exception>
    public static (IReadOnlyDictionary<string, NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CheckpointException(path, $"cannot be read ({e.Message})"); }
        if (bytes.Length < 8) throw new CheckpointException(path, $"is truncated: {bytes.Length} bytes, shorter than the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > bytes.Length - 8)
        {
            throw new CheckpointException(path, $"is truncated or not a safetensors file: header length {headerLength} exceeds the file's {bytes.Length} bytes");
        }
        JsonObject header;
        try { header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength))?.AsObject() ?? throw new JsonException("empty header"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { throw new CheckpointException(path, $"has a corrupt header ({e.Message})"); }

        Dictionary<string, string> metadata;
        try
        {
            metadata = header[MetadataKey] is JsonObject meta ? meta.ToDictionary(m => m.Key, m => m.Value?.GetValue<string>() ?? "") : [];
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new CheckpointException(path, "has metadata that is not a map of strings");
        }
        long dataStart = 8 + (long)headerLength;
        var tensors = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == MetadataKey) continue;
            tensors[name] = ReadTensor(path, bytes, dataStart, name, node);
        }
        var ordered = tensors.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (!metadata.TryGetValue(HashKey, out var expected))
        {
            throw new CheckpointException(path, $"has no {HashKey} in its metadata, so its integrity cannot be checked");
        }
        if (ContentHash(ordered, metadata) != expected)
        {
            throw new CheckpointException(path, $"was altered: its content no longer matches {HashKey} {expected}");
        }
        return (tensors, metadata);
    }

    private static NamedTensor ReadTensor(string path, byte[] bytes, long dataStart, string name, JsonNode? node)
    {
        try
        {
            string dtype = node!["dtype"]!.GetValue<string>();
            long[] shape = [.. node["shape"]!.AsArray().Select(s => s!.GetValue<long>())];
            var offsets = node["data_offsets"]!.AsArray();
            long begin = offsets[0]!.GetValue<long>(), end = offsets[1]!.GetValue<long>();
            long count = shape.Aggregate(1L, (a, b) => a * b);
            int size = NamedTensor.ElementSize(dtype);
            if (size == 0) throw new CheckpointException(path, $"tensor '{name}' has unsupported dtype '{dtype}'");
            if (end - begin != count * size || begin < 0)
            {
                throw new CheckpointException(path, $"tensor '{name}' has byte range [{begin}, {end}) that does not fit its shape and dtype");
            }
            if (dataStart + end > bytes.Length)
            {
                throw new CheckpointException(path, $"is truncated: tensor '{name}' ends at byte {dataStart + end} of a {bytes.Length}-byte file");
            }
            return new NamedTensor(name, dtype, shape, bytes.AsSpan((int)(dataStart + begin), (int)(end - begin)).ToArray());
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new CheckpointException(path, $"tensor '{name}' has a malformed entry in the header");
        }
    }

    private static string ContentHash(IReadOnlyList<NamedTensor> ordered, IReadOnlyDictionary<string, string> metadata)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in metadata.Where(m => m.Key != HashKey).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{key.Length}:{key}={value.Length}:{value};"));
        }
        foreach (var tensor in ordered)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{tensor.Name}:{tensor.DType}:{string.Join(',', tensor.Shape)}:{tensor.Data.Length};"));
            sha.AppendData(tensor.Data);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
