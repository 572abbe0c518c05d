namespace PrefFlow.Benchmarks;

/// <summary>
/// PrefFlow's benchmarks. Each prints its figures with a ratio against a baseline measured in the
/// same run, since absolute times on shared machines are noisy. Arguments pick benchmarks:
/// "model", "selection", "engine", "dispatch", "cluster" (default: all but cluster, which needs PostgreSQL and Azurite).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var chosen = args.Length == 0 ? ["model", "selection", "engine", "dispatch"] : args;
        foreach (string name in chosen)
        {
            switch (name)
            {
                case "model": ModelBenchmark.Run(Console.Out); break;
                case "selection": SelectionBenchmark.Run(Console.Out); break;
                case "engine": EngineBenchmark.Run(Console.Out); break;
                case "dispatch": DispatchBenchmark.Run(Console.Out); break;
                case "cluster": ClusterBenchmark.Run(Console.Out); break;
                default:
                    Console.Error.WriteLine($"unknown benchmark '{name}': expected model, selection, engine, dispatch or cluster");
                    return 2;
            }
        }
        return 0;
    }
}
