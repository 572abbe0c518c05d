using PrefFlow.Learning.Runtime;
using static TorchSharp.torch;

namespace PrefFlow.Activities;

/// <summary>
/// Where the learning activities compute: the device ("cpu", "cuda" or "auto": CUDA when a CUDA libtorch
/// is usable, see <see cref="TorchRuntime"/>) and, optionally, the number of CPU threads torch uses.
/// Results are bit-identical between runs only on CPU.
/// </summary>
public sealed class LearningEnvironment
{
    private readonly Lazy<Device> _device;

    /// <summary>An environment on <paramref name="device"/> with <paramref name="threads"/> CPU threads (null: torch's default).</summary>
    /// <exception cref="ArgumentException">The device is not cpu, cuda or auto, or threads is below 1.</exception>
    public LearningEnvironment(string device = "auto", int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device is not ("cpu" or "cuda" or "auto")) throw new ArgumentException($"unknown device '{device}': expected cpu, cuda or auto", nameof(device));
        if (threads is < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
        Device = device;
        Threads = threads;
        _device = new Lazy<Device>(() => TorchRuntime.Resolve(device, threads), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The requested device: cpu, cuda or auto.</summary>
    public string Device { get; }

    /// <summary>CPU threads for torch; null leaves torch's default.</summary>
    public int? Threads { get; }

    /// <summary>The torch device, resolved on first use (which also sets the thread count).</summary>
    internal Device TorchDevice => _device.Value;
}
