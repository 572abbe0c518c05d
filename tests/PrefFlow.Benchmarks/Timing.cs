using System.Diagnostics;

namespace PrefFlow.Benchmarks;

/// <summary>Wall-clock timing: one warm-up, then the median of several repetitions.</summary>
internal static class Timing
{
    public static double MedianSeconds(int repetitions, Action work)
    {
        work();
        var times = new List<double>();
        for (int i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
