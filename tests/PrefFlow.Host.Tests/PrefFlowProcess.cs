using System.Diagnostics;

namespace PrefFlow.Host.Tests;

/// <summary>Runs the real <c>prefflow</c> executable in its own process and captures what it prints.</summary>
internal static class PrefFlowProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] arguments) => Run(TimeSpan.FromMinutes(2), arguments);

    public static Result Run(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "prefflow.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"prefflow {string.Join(' ', arguments)} did not finish in {timeout.TotalMinutes} minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
