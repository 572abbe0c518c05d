using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Runtime;

/// <summary>
/// Chooses the compute device. CPU by default (the TorchSharp-cpu package); CUDA when asked for or
/// when "auto" finds a CUDA libtorch: set <c>PREFFLOW_LIBTORCH</c> to the folder of a CUDA build of
/// libtorch (e.g. PyTorch's <c>torch/lib</c>) and put that folder on <c>LD_LIBRARY_PATH</c>.
/// </summary>
public static class TorchRuntime
{
    /// <summary>The environment variable naming a CUDA libtorch folder.</summary>
    public const string LibTorchVariable = "PREFFLOW_LIBTORCH";

    private static readonly Lock Gate = new();
    private static bool _cudaProbed;
    private static bool _cudaAvailable;

    /// <summary>
    /// The device for <paramref name="requested"/>: "cpu", "cuda" (fails clearly when none is
    /// usable) or "auto" (CUDA when usable, else CPU). Sets the CPU thread count when given.
    /// </summary>
    public static Device Resolve(string requested = "auto", int? cpuThreads = null)
    {
        if (cpuThreads is int threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(cpuThreads));
            torch.set_num_threads(threads);
        }
        switch ((requested ?? "auto").ToLowerInvariant())
        {
            case "cpu":
                return CPU;
            case "cuda":
                if (!CudaAvailable()) throw new InvalidOperationException($"device 'cuda' was requested but no CUDA libtorch is usable: set {LibTorchVariable} to a CUDA libtorch folder and add it to LD_LIBRARY_PATH");
                return CUDA;
            case "auto":
                return CudaAvailable() ? CUDA : CPU;
            default:
                throw new ArgumentException($"unknown device '{requested}': expected cpu, cuda or auto", nameof(requested));
        }
    }

    private static bool CudaAvailable()
    {
        lock (Gate)
        {
            if (_cudaProbed) return _cudaAvailable;
            _cudaProbed = true;
            string? folder = Environment.GetEnvironmentVariable(LibTorchVariable);
            if (!string.IsNullOrEmpty(folder))
            {
                // TorchSharp's own native shim must be loaded before torch initialises CUDA against that libtorch.
                string shim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
                if (File.Exists(shim)) NativeLibrary.Load(shim);
                try { InitializeDeviceType(DeviceType.CUDA); }
                catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or ExternalException) { return _cudaAvailable = false; }
            }
            return _cudaAvailable = cuda.is_available();
        }
    }
}
