using PrefFlow.Activities;
using PrefFlow.Workflows.Runtime;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary>The options of the verbs that execute a run (run, resume): parallelism, device and threads.</summary>
internal sealed class RunExecutionOptions
{
    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "Activity nodes executing at once (independent branches).",
        DefaultValueFactory = _ => new EngineOptions().MaxParallelism,
    };

    public Option<string> Device { get; } = new("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };

    public Option<int?> Threads { get; } = new("--threads") { Description = "CPU threads for torch (default: all cores)." };

    public IEnumerable<Option> All => [Parallel, Device, Threads];

    public EngineOptions Engine(ParseResult result)
    {
        int parallel = result.GetValue(Parallel);
        if (parallel < 1) throw new ArgumentException($"--parallel must be at least 1, but it is {parallel}.");
        return new EngineOptions { MaxParallelism = parallel };
    }

    public LearningEnvironment Learning(ParseResult result)
    {
        string device = result.GetValue(Device)!;
        int? threads = result.GetValue(Threads);
        if (device is not ("cpu" or "cuda" or "auto")) throw new ArgumentException($"--device '{device}' is unknown: expected cpu, cuda or auto.");
        if (threads is < 1) throw new ArgumentException($"--threads must be at least 1, but it is {threads}.");
        return new LearningEnvironment(device, threads);
    }
}
