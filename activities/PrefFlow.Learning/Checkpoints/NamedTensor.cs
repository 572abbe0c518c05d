using TorchSharp;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Checkpoints;

/// <summary>A tensor as stored in a safetensors file: its dtype name, shape and raw little-endian bytes.</summary>
public sealed record NamedTensor(string Name, string DType, long[] Shape, byte[] Data)
{
    private static readonly Dictionary<ScalarType, string> DTypes = new()
    {
        [ScalarType.Float32] = "F32",
        [ScalarType.Float64] = "F64",
        [ScalarType.Int64] = "I64",
    };

    /// <summary>Copies <paramref name="tensor"/> to host memory in safetensors form.</summary>
    public static NamedTensor From(string name, Tensor tensor)
    {
        if (!DTypes.TryGetValue(tensor.dtype, out var dtype))
        {
            throw new NotSupportedException($"tensor '{name}' has dtype {tensor.dtype}; checkpoints store float32, float64 and int64");
        }
        // The scope holds each intermediate until the bytes are copied: an unheld one could be freed mid-call.
        using var scope = NewDisposeScope();
        var host = tensor.detach().cpu().contiguous();
        byte[] data = tensor.dtype switch
        {
            ScalarType.Float32 => System.Runtime.InteropServices.MemoryMarshal.AsBytes<float>(host.data<float>().ToArray()).ToArray(),
            ScalarType.Float64 => System.Runtime.InteropServices.MemoryMarshal.AsBytes<double>(host.data<double>().ToArray()).ToArray(),
            _ => System.Runtime.InteropServices.MemoryMarshal.AsBytes<long>(host.data<long>().ToArray()).ToArray(),
        };
        return new NamedTensor(name, dtype, tensor.shape, data);
    }

    /// <summary>A new tensor with this content on <paramref name="device"/>.</summary>
    public Tensor ToTensor(Device? device = null)
    {
        var result = DType switch
        {
            "F32" => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Data).ToArray(), Shape),
            "F64" => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(Data).ToArray(), Shape),
            "I64" => torch.tensor(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(Data).ToArray(), Shape),
            _ => throw new NotSupportedException($"tensor '{Name}' has dtype {DType}; expected F32, F64 or I64"),
        };
        if (device is null || device.type == result.device.type) return result;
        using (result) return result.to(device);
    }

    /// <summary>Bytes per element of a dtype name, or 0 when unknown.</summary>
    internal static int ElementSize(string dtype) => dtype switch { "F32" => 4, "F64" or "I64" => 8, _ => 0 };
}
